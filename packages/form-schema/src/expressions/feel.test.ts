import { describe, expect, it } from 'vitest'
import { feelSyntaxError, feelVariables, runFeel } from './feel'

describe('FEEL helpers', () => {
  it('evaluates with or without the leading =', () => {
    expect(runFeel('=price * qty', { price: 2, qty: 3 })).toEqual({ ok: true, value: 6 })
    expect(runFeel('price * qty', { price: 2, qty: 3 })).toEqual({ ok: true, value: 6 })
  })

  it('returns dates as ISO text so form data stays plain JSON', () => {
    expect(runFeel('=date("2026-11-22") + duration("P1D")', {})).toEqual({
      ok: true,
      value: '2026-11-23',
    })
  })

  it('reports a syntax error as a value instead of throwing', () => {
    const result = runFeel('=1 +', {})
    expect(result.ok).toBe(false)
    expect(feelSyntaxError('=1 +')).toMatch(/Incomplete/)
    expect(feelSyntaxError('=if a then "x" else "y"')).toBeUndefined()
  })

  it('finds the variables an expression reads, in every branch, without functions or loop names', () => {
    expect(
      feelVariables('=if x then applicant.name else sum(for i in items return i.amount)'),
    ).toEqual(['x', 'applicant', 'items'])
    expect(feelVariables('=today() - date(start)')).toEqual(['start'])
  })
})
