import { creditCode } from './credit-code'
import { email, postalCode } from './contact'
import { idCard } from './id-card'
import { landline, mobile } from './phone'
import type { FormatDefinition } from './types'

export type { FormatCheck, FormatDefinition, FormatOptions, Locale } from './types'
export { LOCALES, toLocale } from './types'
export { checkIdCard, idCardCheckChar } from './id-card'
export { checkCreditCode, creditCodeCheckChar } from './credit-code'
export { checkMobile, checkLandline } from './phone'
export { checkEmail, checkPostalCode } from './contact'

/** Every format a schema may name, by its canonical name. */
export const FORMATS = {
  idCard,
  creditCode,
  mobile,
  landline,
  email,
  postalCode,
} as const satisfies Record<string, FormatDefinition>

export type FormatName = keyof typeof FORMATS

/**
 * Names designers (and Formily's own built-ins) use for the same formats;
 * `phone` is Formily's name for a mobile number.
 */
const ALIASES: Readonly<Record<string, FormatName>> = {
  idcard: 'idCard',
  creditcode: 'creditCode',
  uscc: 'creditCode',
  phone: 'mobile',
  tel: 'landline',
  zip: 'postalCode',
  postcode: 'postalCode',
}

/** Looks a format up by canonical name or alias; undefined when unknown. */
export function findFormat(name: string): FormatDefinition | undefined {
  if (Object.hasOwn(FORMATS, name)) return FORMATS[name as FormatName]
  const alias = ALIASES[name] ?? ALIASES[name.toLowerCase()]
  return alias ? FORMATS[alias] : undefined
}
