import { describe, expect, it } from 'vitest'
import { sameValue } from './same-value'

describe('scenario variable comparison', () => {
  it('matches objects whatever the order of their keys, at any depth', () => {
    expect(sameValue({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 })).toBe(true)
  })

  it('keeps the order of arrays and tells different values apart', () => {
    expect(sameValue([1, 2], [2, 1])).toBe(false)
    expect(sameValue({ a: 1 }, { a: 1, b: 2 })).toBe(false)
    expect(sameValue({ a: '1' }, { a: 1 })).toBe(false)
    expect(sameValue(undefined, null)).toBe(false)
  })

  it('treats a member that is undefined as absent, as JSON does', () => {
    expect(sameValue({ a: 1, b: undefined }, { a: 1 })).toBe(true)
  })
})
