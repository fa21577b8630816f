import { FORMATS, toLocale, type FormatName } from '@hall/form-schema'

/** How the clerk identifies the person at the counter: resident ID, mobile, or the data center's 学号/工号. */
export const DESK_IDENTITY_KINDS = ['idNumber', 'phone', 'personNo'] as const
export type DeskIdentityKind = (typeof DESK_IDENTITY_KINDS)[number]

/** The national format each kind is checked by before anything is sent (a 学号 has none). */
const FORMAT_OF: Partial<Record<DeskIdentityKind, FormatName>> = { idNumber: 'idCard', phone: 'mobile' }

/**
 * What is wrong with the value the clerk typed, in the forms' own words for `locale` (a wrong ID
 * check digit is caught at the counter, before the look-up): `undefined` when it may be looked
 * up, `'empty'` when nothing was typed.
 */
export function identityProblem(kind: DeskIdentityKind, value: string, locale: string): string | undefined {
  const trimmed = value.trim()
  if (!trimmed) return 'empty'
  const format = FORMAT_OF[kind]
  if (!format) return undefined
  const verdict = FORMATS[format].check(trimmed)
  if (verdict.ok) return undefined
  const messages = FORMATS[format].messages[toLocale(locale)]
  return messages[verdict.reason] ?? messages.invalid
}
