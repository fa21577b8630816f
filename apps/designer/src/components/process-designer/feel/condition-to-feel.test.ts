import { compileFeel } from '@hall/process-engine'
import { describe, expect, it } from 'vitest'
import type { FormFieldInfo } from '../types'
import type { Condition } from './condition-model'
import { conditionToFeel, feelToCondition, isComplete } from './condition-to-feel'
import { variablesOf } from './feel-tokens'

const fields: FormFieldInfo[] = [
  { path: 'days', label: '请假天数', type: 'number' },
  { path: 'leaveType', label: '请假类型', type: 'string' },
  { path: 'urgent', label: '加急', type: 'boolean' },
  { path: 'start', label: '开始日期', type: 'date' },
  { path: 'tags', label: '标签', type: 'array' },
  { path: 'applicant.name', label: '申请人', type: 'string' },
]

const one = (row: Condition['groups'][number]['rows'][number]): Condition => ({ join: 'and', groups: [{ join: 'and', rows: [row] }] })

/** The engine decides flows with compileFeel: what we write must run there and give the expected answer. */
function decide(feel: string, variables: Record<string, unknown>): unknown {
  const result = compileFeel(feel.slice(1)).evaluate(variables)
  if ('error' in result) throw new Error(result.error)
  return result.value
}

describe('writing FEEL from the condition builder', () => {
  it('writes "more than 3 days" as the engine expects, and it routes long leave only', () => {
    const feel = conditionToFeel(one({ field: 'days', operator: 'gt', value: '3' }), fields)
    expect(feel).toBe('=days > 3')
    expect(decide(feel, { days: 5 })).toBe(true)
    expect(decide(feel, { days: 2 })).toBe(false)
  })

  it('quotes text values, escaping quotes, and compares dates as dates', () => {
    expect(conditionToFeel(one({ field: 'leaveType', operator: 'eq', value: '病假"急"' }), fields)).toBe('=leaveType = "病假\\"急\\""')
    const feel = conditionToFeel(one({ field: 'start', operator: 'ge', value: '2026-10-01' }), fields)
    expect(feel).toBe('=start >= date("2026-10-01")')
  })

  it('puts groups in parentheses so (A and B) or C means what the builder shows', () => {
    const condition: Condition = {
      join: 'or',
      groups: [
        { join: 'and', rows: [{ field: 'days', operator: 'gt', value: 3 }, { field: 'leaveType', operator: 'eq', value: '事假' }] },
        { join: 'and', rows: [{ field: 'urgent', operator: 'eq', value: true }] },
      ],
    }
    const feel = conditionToFeel(condition, fields)
    expect(feel).toBe('=(days > 3 and leaveType = "事假") or urgent = true')
    expect(decide(feel, { days: 1, leaveType: '病假', urgent: true })).toBe(true)
    expect(decide(feel, { days: 5, leaveType: '病假', urgent: false })).toBe(false)
  })

  it('treats a missing or blank text as empty, and an empty list as empty', () => {
    const blank = conditionToFeel(one({ field: 'leaveType', operator: 'empty' }), fields)
    expect(decide(blank, { leaveType: '' })).toBe(true)
    expect(decide(blank, {})).toBe(true)
    expect(decide(blank, { leaveType: '年假' })).toBe(false)
    const none = conditionToFeel(one({ field: 'tags', operator: 'notEmpty' }), fields)
    expect(decide(none, { tags: [] })).toBe(false)
    expect(decide(none, { tags: ['a'] })).toBe(true)
  })

  it('writes "in list" and "contains" that run in the engine', () => {
    const inList = conditionToFeel(one({ field: 'leaveType', operator: 'in', value: ['事假', '病假'] }), fields)
    expect(inList).toBe('=list contains(["事假", "病假"], leaveType)')
    expect(decide(inList, { leaveType: '病假' })).toBe(true)
    expect(decide(conditionToFeel(one({ field: 'tags', operator: 'contains', value: 'x' }), fields), { tags: ['x'] })).toBe(true)
    expect(decide(conditionToFeel(one({ field: 'applicant.name', operator: 'contains', value: '李' }), fields), { applicant: { name: '李明' } })).toBe(true)
  })

  it('is incomplete while a row has no field or no value', () => {
    expect(isComplete(one({ field: '', operator: 'eq', value: 1 }))).toBe(false)
    expect(isComplete(one({ field: 'days', operator: 'eq' }))).toBe(false)
    expect(isComplete(one({ field: 'days', operator: 'gt', value: '' }))).toBe(false)
    expect(isComplete(one({ field: 'leaveType', operator: 'in', value: [] }))).toBe(false)
    expect(isComplete(one({ field: 'days', operator: 'empty' }))).toBe(true)
  })
})

describe('reading the builder back from FEEL it wrote', () => {
  const cases: Condition[] = [
    one({ field: 'days', operator: 'le', value: -2.5 }),
    one({ field: 'leaveType', operator: 'ne', value: '年假' }),
    one({ field: 'leaveType', operator: 'empty' }),
    one({ field: 'tags', operator: 'notEmpty' }),
    one({ field: 'urgent', operator: 'eq', value: false }),
    one({ field: 'start', operator: 'lt', value: '2026-10-01' }),
    one({ field: 'leaveType', operator: 'in', value: ['事假', '病假'] }),
    one({ field: 'tags', operator: 'contains', value: 'x' }),
    { join: 'and', groups: [{ join: 'or', rows: [{ field: 'days', operator: 'gt', value: 3 }, { field: 'urgent', operator: 'eq', value: true }] }] },
    {
      join: 'and',
      groups: [
        { join: 'or', rows: [{ field: 'days', operator: 'gt', value: 3 }, { field: 'leaveType', operator: 'empty' }] },
        { join: 'or', rows: [{ field: 'urgent', operator: 'eq', value: true }, { field: 'applicant.name', operator: 'contains', value: '李' }] },
      ],
    },
  ]
  it.each(cases.map((c) => [conditionToFeel(c, fields), c] as const))('reopens %s in the builder', (feel, condition) => {
    expect(feelToCondition(feel)).toEqual(condition)
  })

  it('leaves hand-written FEEL it did not write to the expert box', () => {
    expect(feelToCondition('=if days > 3 then true else false')).toBeUndefined()
    expect(feelToCondition('=days > 3 and urgent or leaveType = "x"')).toBeUndefined()
    expect(feelToCondition('=sum(days) > 3')).toBeUndefined()
    expect(feelToCondition('=')).toBeUndefined()
    expect(feelToCondition('="unterminated')).toBeUndefined()
  })
})

describe('variables an expression reads', () => {
  it('names root variables, not functions, keywords or quoted text', () => {
    expect(variablesOf('list contains(["a"], leaveType) and count(tags) > 0 and applicant.name = "days" and date("x") < start')).toEqual(['leaveType', 'tags', 'applicant', 'start'])
  })
})
