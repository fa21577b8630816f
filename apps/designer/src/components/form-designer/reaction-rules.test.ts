import { describe, expect, it } from 'vitest'
import { evaluateReactions, type FormSchema, type Reaction } from '@hall/form-schema'
import { fromComputed, joinReactions, splitReactions, toComputed, toReaction } from './reaction-rules'

describe('reaction rules', () => {
  it('writes "require when days > 3" with a number, which the schema then enforces', () => {
    const reaction = toReaction({ field: 'days', op: 'gt', value: '3', effect: 'require' }, { type: 'number' })
    expect(reaction).toEqual({ when: { field: 'days', op: 'gt', value: 3 }, then: { required: true } })
    const schema: FormSchema = {
      type: 'object',
      properties: { days: { type: 'number' }, certificate: { type: 'array', 'x-reactions': [reaction] } },
    }
    expect(evaluateReactions(schema, { days: 5 })['certificate']?.required).toBe(true)
    expect(evaluateReactions(schema, { days: 2 })['certificate']?.required).toBe(false)
  })

  it('splits in-lists on both commas and keeps text values as text', () => {
    const reaction = toReaction({ field: 'type', op: 'in', value: 'sick，annual', effect: 'show' }, { type: 'string' })
    expect(reaction.when).toEqual({ field: 'type', op: 'in', value: ['sick', 'annual'] })
    const empty = toReaction({ field: 'type', op: 'empty', value: 'x', effect: 'hide' }, undefined)
    expect(empty.when).toEqual({ field: 'type', op: 'empty' })
  })

  it('reads back its own rules and keeps reactions it cannot show untouched', () => {
    const formily = { dependencies: ['a'], fulfill: { state: { visible: '{{$deps[0]}}' } } }
    const group: Reaction = { when: { all: [{ field: 'a', op: 'eq', value: 1 }] }, then: { visible: true } }
    const { rules, others } = splitReactions({
      'x-reactions': [{ when: { field: 'days', op: 'gt', value: 3 }, then: { required: true } }, formily as Reaction, group],
    })
    expect(rules).toEqual([{ field: 'days', op: 'gt', value: '3', effect: 'require' }])
    expect(others).toEqual([formily, group])
    expect(joinReactions(rules, others, () => ({ type: 'number' }))).toHaveLength(3)
    expect(joinReactions([], [], () => undefined)).toBeUndefined()
  })

  it('maps computed choices to x-computed and back, dropping unfinished ones', () => {
    const days = { daysBetween: ['start', 'end'], inclusive: true } as const
    expect(toComputed(fromComputed(days))).toEqual(days)
    expect(toComputed({ kind: 'sum', column: 'lines.amount' })).toEqual({ sum: 'lines.amount' })
    expect(toComputed({ kind: 'daysBetween', start: 'start', end: '', inclusive: false })).toBeUndefined()
    expect(fromComputed('=a + b')).toEqual({ kind: 'expression', expression: 'a + b' })
  })
})
