import { describe, expect, it } from 'vitest'
import { identityProblem } from './identity'

describe('identityProblem', () => {
  it('accepts a resident ID with the right check digit and names a wrong one in the page’s language', () => {
    expect(identityProblem('idNumber', ' 341524199007080129 ', 'zh-CN')).toBeUndefined()
    expect(identityProblem('idNumber', '341524199007080128', 'zh-CN')).toBe('身份证号码校验位不正确，请核对是否输错')
    expect(identityProblem('idNumber', '341524199007080128', 'en')).toContain('check digit')
  })

  it('checks a mobile number by the national rules and takes any 学号/工号, but not an empty field', () => {
    expect(identityProblem('phone', '13905641202', 'zh-CN')).toBeUndefined()
    expect(identityProblem('phone', '1390564', 'zh-CN')).toBeDefined()
    expect(identityProblem('personNo', '2023001', 'zh-CN')).toBeUndefined()
    expect(identityProblem('personNo', '  ', 'zh-CN')).toBe('empty')
  })
})
