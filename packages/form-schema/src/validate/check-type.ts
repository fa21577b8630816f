import { isRecord } from '../schema/paths'
import type { SchemaType } from '../schema/types'

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

function isDate(value: unknown): boolean {
  if (typeof value !== 'string') return false
  const match = DATE.exec(value)
  if (!match) return false
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

function isDateTime(value: unknown): boolean {
  return (
    typeof value === 'string' &&
    DATETIME.test(value) &&
    isDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value.replace(' ', 'T')))
  )
}

const CHECKS: Readonly<Record<string, (value: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  integer: (v) => Number.isInteger(v),
  boolean: (v) => typeof v === 'boolean',
  object: isRecord,
  array: Array.isArray,
  date: isDate,
  datetime: isDateTime,
}

/**
 * Whether a value has the schema type. Types are strict (no "12" for a number)
 * because the browser renderer sends typed JSON; a string where a number was
 * expected is a client bug or tampering. A missing or unknown type accepts anything.
 */
export function hasType(value: unknown, type: SchemaType | undefined): boolean {
  if (type === undefined || type === 'void') return true
  if (type.endsWith('[]')) {
    const element = CHECKS[type.slice(0, -2)]
    return Array.isArray(value) && (!element || value.every(element))
  }
  const check = CHECKS[type]
  return check ? check(value) : true
}
