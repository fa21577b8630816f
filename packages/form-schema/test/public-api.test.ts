import { describe, expect, it } from 'vitest'
import * as api from '../src/index'
import { dictionaries, leaveForm } from './fixtures'

describe('the public API, end to end', () => {
  it('takes a leave form from JSON text to stored, written-back and masked data', async () => {
    const parsed = api.parseFormSchema(JSON.stringify(leaveForm))
    if (!parsed.ok) throw new Error('leave form should parse')
    const schema = parsed.schema
    expect(api.lint(schema)).toEqual([])

    const prefill = await api.resolvePrefill(schema, {
      resolve: (kind, path) =>
        Promise.resolve(kind === 'user' && path === 'displayName' ? '王小明' : undefined),
      now: () => new Date('2026-11-22T02:00:00Z'),
    })
    expect(prefill.values).toEqual({ name: '王小明' })
    expect(prefill.failures.map((f) => [f.field, f.reason])).toEqual([['idCard', 'NOT_FOUND']])

    const body = {
      ...prefill.values,
      idCard: '11010519491231002X',
      leaveType: 'sick',
      certificate: [{ name: '诊断证明.pdf', url: '/files/9' }],
      start: '2026-11-23',
      end: '2026-11-24',
      expenses: [{ kind: 'train', amount: 88.5 }],
    }
    const verdict = api.validate(schema, body, { dictionaries, now: new Date(2026, 10, 22) })
    expect(verdict.errors).toEqual([])
    expect(verdict.data).toMatchObject({ days: 2, total: 88.5 })

    expect(api.collect(schema, verdict.data).map((i) => i.target)).toEqual([
      'dc:person.id_card',
      'expense-ledger',
    ])
    expect(api.maskSensitive(verdict.data, schema, false)).toMatchObject({
      name: '王**',
      idCard: '110105********002X',
    })
    expect(api.toChineseAmount(88.5)).toBe('捌拾捌元伍角')
  })

  it('gives the designer a read-only, hidden-aware schema and state for the renderer', () => {
    const schema = api.applyPermissions(leaveForm, {
      '*': api.FIELD_ACCESS.readOnly,
      'applicant.idCard': 'hidden',
    })
    expect(schema.properties?.['leaveType']?.['x-pattern']).toBe('readOnly')
    const states = api.evaluateReactions(schema, { leaveType: 'sick' })
    expect(states['certificate']).toMatchObject({ visible: true, required: true, disabled: true })
  })
})
