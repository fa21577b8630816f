import { fail, OK, type FormatCheck, type FormatDefinition } from './types'

/** GB 32100-2015 alphabet: digits and 21 letters, without I O Z S V (easily misread). */
const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
/** Weights 3^i mod 31 for positions 1..17. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const

/** Computes the check character for the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0)
  return ALPHABET[(31 - (sum % 31)) % 31] ?? ''
}

/**
 * Checks an 18-character unified social credit code (统一社会信用代码): alphabet,
 * a numeric 6-digit region code at positions 3–8, and the check character.
 * The embedded organisation code's own GB 11714 check is not enforced: codes
 * issued to individual businesses do not always satisfy it.
 */
export function checkCreditCode(value: string): FormatCheck {
  const code = value.toUpperCase()
  if (code.length !== 18 || ![...code].every((c) => ALPHABET.includes(c))) return fail('pattern')
  if (!/^\d{6}$/.test(code.slice(2, 8))) return fail('region')
  if (creditCodeCheckChar(code) !== code[17]) return fail('checksum')
  return OK
}

export const creditCode: FormatDefinition = {
  name: 'creditCode',
  check: checkCreditCode,
  messages: {
    'zh-CN': {
      invalid: '请输入有效的18位统一社会信用代码',
      pattern: '统一社会信用代码应为18位数字或大写字母（不含I、O、Z、S、V）',
      region: '统一社会信用代码第3至8位应为行政区划码',
      checksum: '统一社会信用代码校验位不正确，请核对是否输错',
    },
    en: {
      invalid: 'Enter a valid 18-character unified social credit code',
      pattern: 'A unified social credit code has 18 digits or capital letters (no I, O, Z, S, V)',
      region: 'Characters 3 to 8 of a unified social credit code are a region code',
      checksum:
        'The check character of the unified social credit code does not match; check for a typo',
    },
  },
}
