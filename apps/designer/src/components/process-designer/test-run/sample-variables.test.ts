import { describe, expect, it } from 'vitest'
import { initialSample, toVariables } from './sample-variables'

describe('sample form data for a test run', () => {
  it('nests dotted paths, splits lists and leaves blanks out', () => {
    const fields = [
      { path: 'days', label: '天数', type: 'number' as const },
      { path: 'applicant.name', label: '姓名', type: 'string' as const },
      { path: 'tags', label: '标签', type: 'array' as const },
      { path: 'note', label: '备注', type: 'string' as const },
    ]
    expect(toVariables(fields, { days: 5, 'applicant.name': '李明', tags: '甲，乙, 丙', note: '' })).toEqual({ days: 5, applicant: { name: '李明' }, tags: ['甲', '乙', '丙'] })
  })

  it('starts a select field at its first option and a number at 1', () => {
    expect(initialSample({ path: 't', label: '类型', type: 'string', options: [{ value: 'sick', label: '病假' }] })).toBe('sick')
    expect(initialSample({ path: 'd', label: '天数', type: 'number' })).toBe(1)
  })
})
