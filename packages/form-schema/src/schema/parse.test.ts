import { describe, expect, it } from 'vitest'
import { leaveForm } from '../../test/fixtures'
import { parseFormSchema } from './parse'

function problems(json: unknown) {
  const result = parseFormSchema(json)
  return result.ok ? [] : result.problems
}

describe('parseFormSchema', () => {
  it('accepts the leave form, as an object and as JSON text', () => {
    expect(parseFormSchema(leaveForm)).toEqual({ ok: true, schema: leaveForm })
    expect(parseFormSchema(JSON.stringify(leaveForm)).ok).toBe(true)
  })

  it.each([
    [null, 'Expected a form schema object, but got null'],
    [[1], 'Expected a form schema object, but got a list'],
    ['{"type":', 'Expected JSON text, but it does not parse'],
    [{ type: 'array' }, 'Expected the root type to be "object", but got string "array"'],
  ])('rejects %j as a whole', (json, message) => {
    expect(problems(json)[0]?.message).toContain(message)
  })

  it('lists every wrongly typed key with where it is', () => {
    const json = {
      type: 'object',
      properties: {
        a: { type: 'text', title: 3 },
        b: {
          type: 'array',
          items: { type: 'object', properties: { c: { required: 'yes', 'x-index': '1' } } },
        },
        d: 'oops',
      },
    }
    expect(problems(json)).toEqual([
      {
        path: 'a',
        message:
          'Expected type to be one of string, number, integer, boolean, object, array, void, date, datetime, string[], number[], boolean[], but got string "text"',
      },
      { path: 'a', message: 'Expected title to be a string, but got number 3' },
      {
        path: 'b.c',
        message:
          'Expected required to be true/false or a list of property names, but got string "yes"',
      },
      { path: 'b.c', message: 'Expected x-index to be a number, but got string "1"' },
      { path: 'd', message: 'Expected a field schema object, but got string "oops"' },
    ])
  })

  it('names unknown x- keys and lets plain JSON Schema keys through', () => {
    const json = {
      type: 'object',
      properties: { a: { 'x-foo': 1, 'x-bar': 2, $comment: 'fine', 'x-component': 'Input' } },
    }
    expect(problems(json)).toEqual([{ path: 'a', message: 'Unknown extension keys: x-foo, x-bar' }])
  })

  it.each([
    [{ 'x-prefill': 'ldap:cn' }, 'x-prefill'],
    [{ 'x-sensitive': 'passport' }, 'x-sensitive'],
    [{ 'x-computed': 'price * qty' }, 'x-computed'],
    [{ 'x-computed': { daysBetween: ['a'] } }, 'x-computed'],
    [{ 'x-reactions': { when: { field: 'a', op: 'like' }, then: {} } }, 'x-reactions'],
    [{ 'x-reactions': [{ when: { any: [{ op: 'eq' }] }, then: {} }] }, 'x-reactions'],
    [
      { 'x-reactions': { when: { field: 'a', op: 'eq' }, then: { visible: 'yes' } } },
      'x-reactions',
    ],
    [{ 'x-validator': [1] }, 'x-validator'],
    [{ 'x-validator': { min: 'two' } }, 'x-validator'],
    [{ 'x-validator': ['idCard', { pattern: '(' }] }, 'x-validator'],
    [{ pattern: '([a-z' }, 'pattern'],
    [{ enum: [{ label: 'x' }] }, 'enum'],
    [{ items: [{ type: 'string' }] }, 'items'],
    [{ properties: [] }, 'properties'],
  ])('rejects the field %j because of %s', (field, key) => {
    const found = problems({ type: 'object', properties: { f: field } })
    expect(found).toHaveLength(1)
    expect(found[0]?.message).toContain(`Expected ${key}`)
  })

  it('accepts Formily reactions it cannot check', () => {
    const field = {
      'x-reactions': [
        '{{useOptions}}',
        { dependencies: ['a'], when: '{{$deps[0]}}', fulfill: { state: { visible: true } } },
      ],
    }
    expect(problems({ type: 'object', properties: { f: field } })).toEqual([])
  })

  it('rejects field names that would break paths', () => {
    expect(problems({ type: 'object', properties: { 'a.b': {} } })[0]?.message).toBe(
      'Expected a field name without dots or brackets, but got "a.b"',
    )
  })

  it('rejects nesting deeper than 32 levels without recursing further', () => {
    let node: Record<string, unknown> = { type: 'string' }
    for (let i = 0; i < 5000; i++) node = { type: 'object', properties: { n: node } }
    expect(problems(node)).toEqual([
      {
        path: Array.from({ length: 33 }, () => 'n').join('.'),
        message: 'Expected nesting of at most 32 levels, but the form goes deeper',
      },
    ])
  })

  it('rejects more than 2,000 fields once', () => {
    const properties = Object.fromEntries(
      Array.from({ length: 2500 }, (_, i) => [`f${i}`, { type: 'string' }]),
    )
    expect(problems({ type: 'object', properties })).toEqual([
      { path: '', message: 'Expected at most 2000 fields, but the form has more' },
    ])
  })
})
