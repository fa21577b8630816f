import { describe, expect, it } from 'vitest'
import { leaveForm, validLeave } from '../../test/fixtures'
import { collect, parseCollectTarget } from './collect'

describe('collect', () => {
  it('lists each collected field, one item per sub-table row', () => {
    expect(collect(leaveForm, validLeave)).toEqual([
      { target: 'dc:person.id_card', value: '11010519491231002X', field: 'idCard' },
      { target: 'expense-ledger', value: 120.5, field: 'expenses[0].amount' },
      { target: 'expense-ledger', value: 300, field: 'expenses[1].amount' },
    ])
  })

  it('skips fields left empty', () => {
    expect(collect(leaveForm, { leaveType: 'personal' })).toEqual([])
  })

  it('writes computed values as computed and skips fields a reaction hides', () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        total: { type: 'number', 'x-computed': { sum: 'rows.n' }, 'x-collect': 'dc:ledger.total' },
        secret: {
          type: 'string',
          'x-collect': 'dc:ledger.secret',
          'x-reactions': { when: { field: 'kind', op: 'eq', value: 'x' }, then: { visible: true } },
        },
        rows: { type: 'array', items: { type: 'object', properties: { n: { type: 'number' } } } },
      },
    } as const
    expect(
      collect(schema, { kind: 'y', total: 999, secret: 's', rows: [{ n: 1 }, { n: 2 }] }),
    ).toEqual([{ target: 'dc:ledger.total', value: 3, field: 'total' }])
  })

  it.each([
    ['dc:person.id_card', { kind: 'dc', table: 'person', column: 'id_card' }],
    ['expense-ledger', { kind: 'named', name: 'expense-ledger' }],
    ['dc:person', undefined],
    ['dc:a.b.c', undefined],
    ['', undefined],
  ])('parses the target %s', (target, expected) => {
    expect(parseCollectTarget(target)).toEqual(expected)
  })
})
