import { describe, expect, it } from 'vitest'
import { checkLandline, checkMobile } from './phone'
import { checkEmail, checkPostalCode } from './contact'
import { findFormat } from './index'

describe('mainland mobile numbers', () => {
  it.each(['13812345678', '15900001111', '19912345678', '16612345678'])('accepts %s', (v) => {
    expect(checkMobile(v).ok).toBe(true)
  })
  it.each([
    '12812345678',
    '1381234567',
    '138123456789',
    '+8613812345678',
    '138-1234-5678',
    '23812345678',
  ])('rejects %s', (v) => expect(checkMobile(v).ok).toBe(false))
})

describe('landlines', () => {
  it.each([
    '010-62345678',
    '01062345678',
    '0591-8765432',
    '0591-87654321-123',
    '021-62345678转8001',
    '0755-86013388',
  ])('accepts %s', (v) => expect(checkLandline(v).ok).toBe(true))
  it.each(['12345678', '010-0234567', '10-12345678', '0591-876543', '010-123456789'])(
    'rejects %s',
    (v) => expect(checkLandline(v).ok).toBe(false),
  )
})

describe('e-mail and postal code', () => {
  it.each(['zhang.san@example.edu.cn', 'a+tag@b.io'])('accepts the address %s', (v) =>
    expect(checkEmail(v).ok).toBe(true),
  )
  it.each(['zhangsan', 'a@b', 'a@@b.cn', 'a b@c.cn', '@c.cn'])('rejects the address %s', (v) =>
    expect(checkEmail(v).ok).toBe(false),
  )
  it.each(['100000', '350001'])('accepts the postal code %s', (v) =>
    expect(checkPostalCode(v).ok).toBe(true),
  )
  it.each(['10000', '1000000', '35000a'])('rejects the postal code %s', (v) =>
    expect(checkPostalCode(v).ok).toBe(false),
  )
})

describe('format names', () => {
  it('finds formats by canonical name and by Formily alias', () => {
    expect(findFormat('idCard')?.name).toBe('idCard')
    expect(findFormat('idcard')?.name).toBe('idCard')
    expect(findFormat('phone')?.name).toBe('mobile')
    expect(findFormat('zip')?.name).toBe('postalCode')
    expect(findFormat('nonsense')).toBeUndefined()
  })
})
