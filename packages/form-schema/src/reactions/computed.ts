import { runFeel, type FeelResult } from '../expressions/feel'
import { concretize, getAll, getAt, templateOf } from '../schema/paths'
import type { Computed } from '../schema/types'

const DAY_MS = 86_400_000

/** Days since the epoch for `YYYY-MM-DD` (a datetime's date part counts); undefined when not a date. */
function epochDay(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value)
  if (!match) return undefined
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS
}

/** Sums with float noise removed, so 0.1 + 0.2 shows as 0.3 on a money field. */
function sum(values: unknown[]): number {
  const total = values.reduce<number>(
    (acc, v) => (typeof v === 'number' && Number.isFinite(v) ? acc + v : acc),
    0,
  )
  return Math.round(total * 1e8) / 1e8
}

/** The concrete path of the sub-table row `from` lies in, or undefined at the top level. */
function rowPath(from: string): string | undefined {
  const end = from.lastIndexOf(']')
  return end < 0 ? undefined : from.slice(0, end + 1)
}

/**
 * Computes an `x-computed` value for the field at concrete path `from`.
 * Missing inputs give `undefined` (nothing to show yet), not an error.
 */
export function computeValue(computed: Computed, data: unknown, from: string): FeelResult {
  if (typeof computed === 'string') {
    const row = rowPath(from)
    const variables = {
      ...(data as Record<string, unknown>),
      ...(row ? { row: getAt(data, row) } : {}),
    }
    return runFeel(computed, variables)
  }
  if ('sum' in computed) return { ok: true, value: sum(getAll(data, computed.sum)) }
  const [startRef, endRef] = computed.daysBetween
  const start = epochDay(getAt(data, concretize(startRef, from)))
  const end = epochDay(getAt(data, concretize(endRef, from)))
  if (start === undefined || end === undefined) return { ok: true, value: undefined }
  return { ok: true, value: end - start + (computed.inclusive ? 1 : 0) }
}

/** Template paths a computed value reads, for lint (FEEL reads are not listed). */
export function computedFields(computed: Computed): string[] {
  if (typeof computed === 'string') return []
  if ('sum' in computed) return [templateOf(computed.sum)]
  return [...computed.daysBetween]
}
