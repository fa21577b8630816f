import type { FormSchema } from '@hall/form-schema'
import { describe, expect, it } from 'vitest'
import { diffForm } from './form-diff'

const before: FormSchema = {
  type: 'object',
  required: ['days'],
  properties: {
    grid: {
      type: 'void',
      'x-component': 'FormGrid',
      properties: {
        days: { type: 'number', title: '请假天数', 'x-component': 'NumberPicker' },
        kind: { type: 'string', title: '请假类型', 'x-component': 'Select', enum: ['事假', '病假'] },
      },
    },
    reason: { type: 'string', title: '事由', 'x-component': 'Input.TextArea' },
  },
}

describe('form diff', () => {
  it('reports added, removed and changed fields by data path, through layout nodes', () => {
    const after: FormSchema = {
      type: 'object',
      properties: {
        grid: {
          type: 'void',
          'x-component': 'FormGrid',
          properties: {
            days: { type: 'number', title: '请假天数', 'x-component': 'NumberPicker', 'x-validator': { min: 1 } },
            kind: { type: 'string', title: '请假类型', 'x-component': 'Select', enum: ['事假', '病假', '公假'] },
          },
        },
        phone: { type: 'string', title: '联系电话', 'x-component': 'Input' },
      },
    }
    expect(diffForm(before, after)).toEqual([
      { path: 'reason', label: '事由', change: 'removed', properties: [] },
      {
        path: 'days', label: '请假天数', change: 'changed',
        properties: [
          { key: 'required', label: '必填', old: '是' },
          { key: 'x-validator', label: '校验规则', new: '{"min":1}' },
        ],
      },
      { path: 'kind', label: '请假类型', change: 'changed', properties: [{ key: 'enum', label: '选项', old: '["事假","病假"]', new: '["事假","病假","公假"]' }] },
      expect.objectContaining({ path: 'phone', label: '联系电话', change: 'added' }),
    ])
  })

  it('names sub-table columns under their table', () => {
    const table = (title: string): FormSchema => ({
      type: 'object',
      properties: { rows: { type: 'array', 'x-component': 'ArrayTable', items: { type: 'object', properties: { amount: { type: 'number', title } } } } },
    })
    expect(diffForm(table('金额'), table('金额（元）'))).toEqual([
      { path: 'rows.amount', label: '金额（元）', change: 'changed', properties: [{ key: 'title', label: '标题', old: '金额', new: '金额（元）' }] },
    ])
  })
})
