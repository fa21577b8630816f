import { describe, expect, it } from 'vitest'
import { leaveForm } from '../../test/fixtures'
import type { FormSchema } from '../schema/types'
import { resolvePrefill, type ExternalSource, type PrefillSources } from './resolve'

const directory: Record<string, unknown> = {
  'user:displayName': '张三',
  'dc:person.idCard': '11010519491231002X',
  'dc:person.dept': '教务处',
}

function sources(overrides: Partial<PrefillSources> = {}): PrefillSources {
  return {
    resolve: (kind: ExternalSource, path: string) => Promise.resolve(directory[`${kind}:${path}`]),
    now: () => new Date('2026-11-22T17:30:00Z'),
    ...overrides,
  }
}

describe('resolvePrefill', () => {
  it('fills the leave form from the user and the data center', async () => {
    const result = await resolvePrefill(leaveForm, sources())
    expect(result).toEqual({ values: { name: '张三', idCard: '11010519491231002X' }, failures: [] })
  })

  it('reports a source with no value instead of leaving a silent blank', async () => {
    const result = await resolvePrefill(
      leaveForm,
      sources({ resolve: () => Promise.resolve(undefined) }),
    )
    expect(result.values).toEqual({})
    expect(result.failures).toEqual([
      {
        path: 'user:displayName',
        field: 'name',
        reason: 'NOT_FOUND',
        message: 'user:displayName has no value',
      },
      {
        path: 'dc:person.idCard',
        field: 'idCard',
        reason: 'NOT_FOUND',
        message: 'dc:person.idCard has no value',
      },
    ])
  })

  it('reports a failing resolver with its error and keeps the other values', async () => {
    const resolve = (kind: ExternalSource, path: string) =>
      kind === 'dc'
        ? Promise.reject(new Error('data center timeout'))
        : Promise.resolve(directory[`${kind}:${path}`])
    const result = await resolvePrefill(leaveForm, sources({ resolve }))
    expect(result.values).toEqual({ name: '张三' })
    expect(result.failures).toEqual([
      {
        path: 'dc:person.idCard',
        field: 'idCard',
        reason: 'SOURCE_ERROR',
        message: 'data center timeout',
      },
    ])
  })

  const derivedForm: FormSchema = {
    type: 'object',
    properties: {
      today: { type: 'date', 'x-prefill': 'now:date' },
      stamp: { type: 'datetime', 'x-prefill': 'now:datetime' },
      year: { type: 'integer', 'x-prefill': 'now:year' },
      greeting: { type: 'string', 'x-prefill': '=applicant.name + "（" + applicant.dept + "）"' },
      applicant: {
        type: 'object',
        properties: {
          name: { type: 'string', 'x-prefill': 'user:displayName' },
          dept: { type: 'string', 'x-prefill': 'field:copyOfDept' },
        },
      },
      copyOfDept: { type: 'string', 'x-prefill': 'dc:person.dept' },
    },
  }

  it('takes dates in China time and chains field references and FEEL', async () => {
    const result = await resolvePrefill(derivedForm, sources())
    expect(result.failures).toEqual([])
    expect(result.values).toEqual({
      today: '2026-11-23',
      stamp: '2026-11-23 01:30:00',
      year: 2026,
      greeting: '张三（教务处）',
      applicant: { name: '张三', dept: '教务处' },
      copyOfDept: '教务处',
    })
  })

  it('reports broken FEEL, unknown sources and prefill inside sub-table rows', async () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        a: { 'x-prefill': '=1 +' },
        b: { 'x-prefill': 'now:week' },
        c: { 'x-prefill': 'ldap:cn' as 'dc:x' },
        rows: {
          type: 'array',
          items: { type: 'object', properties: { d: { 'x-prefill': 'user:id' } } },
        },
      },
    }
    const result = await resolvePrefill(schema, sources())
    expect(result.failures.map((f) => [f.field, f.reason])).toEqual([
      ['a', 'EXPRESSION_ERROR'],
      ['b', 'UNKNOWN_SOURCE'],
      ['c', 'UNKNOWN_SOURCE'],
      ['rows.d', 'UNSUPPORTED'],
    ])
  })
})
