import { fail, OK, type FormatCheck, type FormatDefinition } from './types'

/** Mainland mobile numbers: 11 digits, second digit 3–9 (all segments allocated by MIIT). */
const MOBILE = /^1[3-9]\d{9}$/

/**
 * Landline: area code (010, 02x, or 0 + 3 digits), optional hyphen, a local number
 * of 7–8 digits not starting with 0 or 1, optional extension after -, 转 or #.
 */
const LANDLINE = /^(?:0[1-9]\d{1,2})-?[2-9]\d{6,7}(?:(?:-|转|#)\d{1,6})?$/

export function checkMobile(value: string): FormatCheck {
  return MOBILE.test(value) ? OK : fail('invalid')
}

export function checkLandline(value: string): FormatCheck {
  return LANDLINE.test(value) ? OK : fail('invalid')
}

export const mobile: FormatDefinition = {
  name: 'mobile',
  check: checkMobile,
  messages: {
    'zh-CN': { invalid: '请输入有效的11位手机号码' },
    en: { invalid: 'Enter a valid 11-digit mainland mobile number' },
  },
}

export const landline: FormatDefinition = {
  name: 'landline',
  check: checkLandline,
  messages: {
    'zh-CN': { invalid: '请输入有效的固定电话，如 010-62345678 或 0591-8765432-123' },
    en: { invalid: 'Enter a valid landline, e.g. 010-62345678 or 0591-8765432-123' },
  },
}
