import type { FormSchema } from '@hall/form-schema'
import { describe, expect, it } from 'vitest'
import { formFieldInfos } from './form-field-infos'

describe('formFieldInfos', () => {
  it('offers the value fields by data path, through layout containers, in display order', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        reason: { type: 'string', title: '事由', 'x-index': 2 },
        grid: { type: 'void', 'x-component': 'FormGrid', 'x-index': 1, properties: { days: { type: 'number', title: '天数' }, start: { type: 'date', title: '开始' } } },
        kind: { type: 'string', title: '类型', 'x-index': 0, enum: [{ label: '病假', value: 'sick' }, 'other'] },
        applicant: { type: 'object', title: '申请人', 'x-index': 3, properties: { name: { type: 'string', title: '姓名' } } },
      },
    }
    expect(formFieldInfos(schema)).toEqual([
      { path: 'kind', label: '类型', type: 'string', options: [{ value: 'sick', label: '病假' }, { value: 'other', label: 'other' }] },
      { path: 'days', label: '天数', type: 'number' },
      { path: 'start', label: '开始', type: 'date' },
      { path: 'reason', label: '事由', type: 'string' },
      { path: 'applicant', label: '申请人', type: 'object' },
      { path: 'applicant.name', label: '姓名', type: 'string' },
    ])
  })
})
