import { checkEmail, checkLandline, checkMobile, type FormatCheck } from '@hall/form-schema'
import type { dcPeople } from '../../../db/schema'

/** A column of `dc_people` that a form may write back (`x-collect: dc:person.<name>`), with its check. */
interface WritableColumn {
  readonly column: keyof typeof dcPeople.$inferInsert
  readonly label: string
  readonly check: (value: string) => FormatCheck
}

const phone = (value: string): FormatCheck => (checkMobile(value).ok ? checkMobile(value) : checkLandline(value))

/**
 * The only person columns write-back may change: contact details the person themself keeps up to
 * date. Names, ID numbers, classes and links are master data owned by the registry (CSV import,
 * connectors), never overwritten by a form.
 */
export const WRITABLE_PERSON_COLUMNS: Readonly<Record<string, WritableColumn>> = {
  phone: { column: 'phone', label: '联系电话', check: phone },
  email: { column: 'email', label: '电子邮箱', check: checkEmail },
}

/** `dc:person.phone` style targets, for the designer's lint catalog (`collectTargets`). */
export const PERSON_COLLECT_TARGETS = Object.keys(WRITABLE_PERSON_COLUMNS).map((name) => `dc:person.${name}`)
