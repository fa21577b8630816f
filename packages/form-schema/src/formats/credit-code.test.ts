import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { checkCreditCode, creditCodeCheckChar } from './credit-code'

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'

describe('unified social credit code (GB 32100-2015)', () => {
  it.each([
    ['91350100M000100Y43', 'the sample printed in GB 32100-2015 guidance'],
    ['91440300708461136T', 'Shenzhen Tencent Computer Systems Co., Ltd.'],
    ['914403001922038216', 'Huawei Technologies Co., Ltd.'],
    ['91110108551385082Q', 'Beijing Xiaomi Technology Co., Ltd.'],
    ['91110000802100433B', 'a Beijing enterprise code, check character computed'],
  ])('accepts the published code %s (%s)', (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true })
  })

  it('accepts lowercase input the way people type it', () => {
    expect(checkCreditCode('91350100m000100y43').ok).toBe(true)
  })

  it.each([
    ['91350100M000100Y44', 'checksum', 'check character off by one'],
    ['91350100M000200Y43', 'checksum', 'one body character changed'],
    ['91350100M000100O43', 'pattern', 'letter O is not in the alphabet'],
    ['91350100I000100Y43', 'pattern', 'letter I is not in the alphabet'],
    ['91350100M000100Y4', 'pattern', '17 characters'],
    ['9135A100M000100Y43', 'region', 'a letter inside the region code'],
  ])('rejects %s with reason %s (%s)', (code, reason) => {
    expect(checkCreditCode(code)).toEqual({ ok: false, reason })
  })

  const char = fc.constantFrom(...ALPHABET)
  const validCode = fc
    .tuple(
      fc.array(char, { minLength: 2, maxLength: 2 }),
      fc.stringMatching(/^\d{6}$/),
      fc.array(char, { minLength: 9, maxLength: 9 }),
    )
    .map(([head, region, body]) => {
      const first17 = head.join('') + region + body.join('')
      return first17 + creditCodeCheckChar(first17)
    })

  it('accepts every generated code with a correct check character', () => {
    fc.assert(fc.property(validCode, (code) => checkCreditCode(code).ok))
  })

  it('rejects every single-character substitution', () => {
    fc.assert(
      fc.property(validCode, fc.integer({ min: 0, max: 17 }), char, (code, at, to) => {
        fc.pre(code[at] !== to)
        return !checkCreditCode(code.slice(0, at) + to + code.slice(at + 1)).ok
      }),
    )
  })
})
