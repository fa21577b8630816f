import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkIdCard, idCardCheckChar } from './id-card'

const NOW = new Date(2026, 10, 22)

describe('resident ID (GB 11643-1999)', () => {
  it.each([
    ['11010519491231002X', 'the GB 11643 sample, Beijing Chaoyang, born 1949-12-31'],
    ['440524188001010014', 'the GB 11643 sample, Guangdong Shantou, born 1880-01-01'],
  ])('knows the published check character of %s', (id) => {
    expect(idCardCheckChar(id.slice(0, 17))).toBe(id[17])
  })

  it.each([
    '11010519491231002X',
    '11010519491231002x',
    '11010119900307803X',
    '110101199003074477',
    '11010119900307299X',
  ])('accepts the valid ID %s', (id) => {
    expect(checkIdCard(id, { now: NOW })).toEqual({ ok: true })
  })

  it.each([
    ['11010519491231003X', 'checksum', 'one digit changed'],
    ['110105194912310029', 'checksum', 'wrong check character'],
    ['110105194913310021', 'birthDate', 'month 13'],
    ['110105194902300022', 'birthDate', 'February 30'],
    ['110105203001010012', 'birthDate', 'born in 2030, after today'],
    ['440524188001010014', 'birthDate', 'born before 1900'],
    ['991010199003070001', 'region', 'no province 99'],
    ['11010519491231002', 'pattern', '17 characters'],
    ['1101051949123100X2', 'pattern', 'X in the middle'],
    ['110105491231002', 'pattern', 'old 15-digit number'],
  ])('rejects %s with reason %s (%s)', (id, reason) => {
    expect(checkIdCard(id, { now: NOW })).toEqual({ ok: false, reason })
  })

  it('rejects a birth date of tomorrow and accepts one of today', () => {
    const today = '110105' + '20261122' + '001'
    const tomorrow = '110105' + '20261123' + '001'
    expect(checkIdCard(today + idCardCheckChar(today), { now: NOW }).ok).toBe(true)
    expect(checkIdCard(tomorrow + idCardCheckChar(tomorrow), { now: NOW })).toEqual({
      ok: false,
      reason: 'birthDate',
    })
  })

  it('decides "today" in China time, whatever zone the server runs in', () => {
    const first17 = '110105' + '20261123' + '001'
    const id = first17 + idCardCheckChar(first17)
    // 17:00 UTC on the 22nd is already 01:00 on the 23rd in Beijing.
    expect(checkIdCard(id, { now: new Date('2026-11-22T17:00:00Z') }).ok).toBe(true)
    expect(checkIdCard(id, { now: new Date('2026-11-22T15:00:00Z') }).ok).toBe(false)
    expect(checkIdCard(id, { now: new Date('2026-11-22T17:00:00Z'), timeZone: 'UTC' }).ok).toBe(
      false,
    )
  })

  const validId = fc
    .record({
      province: fc.constantFrom('11', '31', '35', '44', '51', '65', '81'),
      area: fc.stringMatching(/^\d{4}$/),
      birth: fc.date({
        min: new Date(1900, 0, 1),
        max: new Date(2026, 10, 21),
        noInvalidDate: true,
      }),
      seq: fc.stringMatching(/^\d{3}$/),
    })
    .map(({ province, area, birth, seq }) => {
      const ymd = `${birth.getFullYear()}${String(birth.getMonth() + 1).padStart(2, '0')}${String(birth.getDate()).padStart(2, '0')}`
      const first17 = province + area + ymd + seq
      return first17 + idCardCheckChar(first17)
    })

  it('accepts every generated ID with a correct check character', () => {
    fc.assert(fc.property(validId, (id) => checkIdCard(id, { now: NOW }).ok))
  })

  it('rejects every single-character mutation of a valid ID', () => {
    const mutation = fc.record({
      id: validId,
      at: fc.integer({ min: 0, max: 17 }),
      to: fc.constantFrom(...'0123456789X'),
    })
    fc.assert(
      fc.property(mutation, ({ id, at, to }) => {
        fc.pre(id[at] !== to && (at === 17 || to !== 'X'))
        const mutated = id.slice(0, at) + to + id.slice(at + 1)
        return !checkIdCard(mutated, { now: NOW }).ok
      }),
    )
  })
})
