import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { toChineseAmount } from './chinese-amount'

describe('toChineseAmount', () => {
  it.each([
    [12345.67, '壹万贰仟叁佰肆拾伍元陆角柒分'],
    [1001, '壹仟零壹元整'],
    [0.05, '伍分'],
    [0.5, '伍角'],
    [0, '零元整'],
    [10, '壹拾元整'],
    [1.05, '壹元零伍分'],
    [1680.32, '壹仟陆佰捌拾元叁角贰分'],
    [100000, '壹拾万元整'],
    [1000010, '壹佰万零壹拾元整'],
    [107000.53, '壹拾万柒仟元伍角叁分'],
    [10010000, '壹仟零壹万元整'],
    [100000001, '壹亿零壹元整'],
    [120000000, '壹亿贰仟万元整'],
    [1004000000, '壹拾亿零肆佰万元整'],
    [-12.3, '负壹拾贰元叁角'],
    [1.005, '壹元零壹分'],
  ])('writes %d as %s', (amount, expected) => {
    expect(toChineseAmount(amount)).toBe(expected)
  })

  it('reads decimal strings exactly', () => {
    expect(toChineseAmount('0.29')).toBe('贰角玖分')
    expect(toChineseAmount(' 3000 ')).toBe('叁仟元整')
  })

  it.each([Number.NaN, Number.POSITIVE_INFINITY, 1e17])(
    'refuses %d with a RangeError',
    (amount) => {
      expect(() => toChineseAmount(amount)).toThrow(RangeError)
    },
  )

  it('refuses text that is not an amount', () => {
    expect(() => toChineseAmount('12,345')).toThrow(/Expected an amount/)
  })

  it('never writes two 零 in a row and always ends in 整, 角 or 分', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999_999 }), (cents) => {
        const text = toChineseAmount((cents / 100).toFixed(2))
        return !text.includes('零零') && /[整角分]$/.test(text) && !text.startsWith('零')
      }),
    )
  })
})
