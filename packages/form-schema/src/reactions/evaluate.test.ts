import { describe, expect, it } from 'vitest'
import { leaveForm, validLeave } from '../../test/fixtures'
import type { FormSchema } from '../schema/types'
import { evaluateReactions } from './evaluate'

describe('evaluateReactions', () => {
  it('keeps the sick-leave certificate hidden and optional for personal leave', () => {
    const states = evaluateReactions(leaveForm, validLeave)
    expect(states['certificate']).toEqual({ visible: false, required: false, disabled: false })
  })

  it('shows and requires the certificate when the leave type is sick', () => {
    const states = evaluateReactions(leaveForm, { ...validLeave, leaveType: 'sick' })
    expect(states['certificate']).toMatchObject({ visible: true, required: true })
  })

  it('reads the same row for a condition on a sub-table column', () => {
    const data = {
      ...validLeave,
      expenses: [
        { kind: 'train', amount: 1 },
        { kind: 'other', amount: 2 },
      ],
    }
    const states = evaluateReactions(leaveForm, data)
    expect(states['expenses[0].note']?.required).toBe(false)
    expect(states['expenses[1].note']?.required).toBe(true)
  })

  it('computes inclusive leave days and the expense total', () => {
    const states = evaluateReactions(leaveForm, { ...validLeave, days: undefined, total: 0 })
    expect(states['days']?.value).toBe(3)
    expect(states['total']?.value).toBe(420.5)
  })

  it('sums money without float noise', () => {
    const states = evaluateReactions(leaveForm, {
      ...validLeave,
      expenses: [
        { kind: 'train', amount: 0.1 },
        { kind: 'hotel', amount: 0.2 },
      ],
    })
    expect(states['total']?.value).toBe(0.3)
  })

  it('leaves a computed value unset while its inputs are missing', () => {
    const states = evaluateReactions(leaveForm, { leaveType: 'personal' })
    expect(states['days']).not.toHaveProperty('value')
  })

  it('marks schema-required fields inside void layout nodes as required', () => {
    const states = evaluateReactions(leaveForm, validLeave)
    expect(states['applicant']).toEqual({ visible: true, required: false, disabled: false })
    expect(states['name']?.required).toBe(true)
    expect(states['idCard']?.required).toBe(true)
  })

  it('hides and frees every field inside a layout node a reaction hides', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        married: { type: 'boolean' },
        spouse: {
          type: 'void',
          'x-component': 'FormCollapse',
          'x-reactions': {
            when: { field: 'married', op: 'eq', value: true },
            then: { visible: true },
          },
          properties: { spouseName: { type: 'string', required: true } },
        },
      },
    }
    expect(evaluateReactions(schema, { married: false })['spouseName']).toMatchObject({
      visible: false,
      required: false,
    })
    expect(evaluateReactions(schema, { married: true })['spouseName']).toMatchObject({
      visible: true,
      required: true,
    })
  })

  it.each([
    [
      {
        any: [
          { field: 'a', op: 'gt', value: 10 },
          { field: 'b', op: 'in', value: ['x', 'y'] },
        ],
      },
      { a: 5, b: 'y' },
      true,
    ],
    [
      {
        all: [
          { field: 'a', op: 'gte', value: 5 },
          { field: 'b', op: 'notIn', value: ['x'] },
        ],
      },
      { a: 5, b: 'x' },
      false,
    ],
    [{ field: 'a', op: 'lt', value: 3 }, { a: 2 }, true],
    [{ field: 'a', op: 'lte', value: 3 }, { a: 'text' }, false],
    [{ field: 'b', op: 'empty' }, { b: '' }, true],
    [{ field: 'b', op: 'notEmpty' }, { b: [] }, false],
    [{ field: 'b', op: 'ne', value: 'x' }, {}, true],
    [{ field: 'd', op: 'gt', value: '2026-01-01' }, { d: '2026-03-01' }, true],
    [{ field: 'tags', op: 'in', value: ['red'] }, { tags: ['blue', 'red'] }, true],
  ] as const)('evaluates the condition %j on %j as %s', (when, data, expected) => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: {},
        b: {},
        d: {},
        tags: {},
        t: { 'x-reactions': { when, then: { disabled: true } } },
      },
    }
    expect(evaluateReactions(schema, data)['t']?.disabled).toBe(expected)
  })

  it('applies `otherwise` instead of inverting when given', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: {},
        t: {
          'x-reactions': {
            when: { field: 'a', op: 'eq', value: 1 },
            then: { value: 'one' },
            otherwise: { value: 'other' },
          },
        },
      },
    }
    expect(evaluateReactions(schema, { a: 1 })['t']?.value).toBe('one')
    expect(evaluateReactions(schema, { a: 2 })['t']?.value).toBe('other')
  })

  it('computes FEEL values, including from other computed values', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        price: { type: 'number' },
        qty: { type: 'number' },
        subtotal: { type: 'number', 'x-computed': '=price * qty' },
        withTax: { type: 'number', 'x-computed': '=subtotal * 1.1' },
      },
    }
    expect(evaluateReactions(schema, { price: 10, qty: 3 })['withTax']?.value).toBeCloseTo(33)
  })

  it('passes Formily string reactions through without evaluating them', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: {
          'x-reactions': [
            '{{useAsyncOptions}}',
            { dependencies: ['b'], fulfill: { state: { visible: '{{$deps[0]}}' } } },
          ],
        },
      },
    }
    expect(evaluateReactions(schema, {})['a']).toEqual({
      visible: true,
      required: false,
      disabled: false,
    })
  })
})
