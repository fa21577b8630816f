import { fail, OK, type FormatCheck, type FormatDefinition } from './types'

/**
 * Pragmatic e-mail shape (local@domain.tld); deliverability is the mail
 * server's business, this only catches typos.
 */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/

/** Chinese postal codes are exactly six digits. */
const POSTAL_CODE = /^\d{6}$/

export function checkEmail(value: string): FormatCheck {
  return value.length <= 254 && EMAIL.test(value) ? OK : fail('invalid')
}

export function checkPostalCode(value: string): FormatCheck {
  return POSTAL_CODE.test(value) ? OK : fail('invalid')
}

export const email: FormatDefinition = {
  name: 'email',
  check: checkEmail,
  messages: {
    'zh-CN': { invalid: '请输入有效的电子邮箱地址' },
    en: { invalid: 'Enter a valid e-mail address' },
  },
}

export const postalCode: FormatDefinition = {
  name: 'postalCode',
  check: checkPostalCode,
  messages: {
    'zh-CN': { invalid: '邮政编码应为6位数字' },
    en: { invalid: 'A postal code has 6 digits' },
  },
}
