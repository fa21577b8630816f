import { and, eq, gte, inArray, lt, lte, not, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Period, Range } from './filters'
import type { StatsScope } from './scope'

/** The columns a statistics table is filtered on; the histogram and backlog have no item or handler. */
interface Filterable {
  unitId: AnyPgColumn
  deptId: AnyPgColumn
  itemId?: AnyPgColumn
  handlerId?: AnyPgColumn
}

/** Scope and filters on a statistics table; `days` bounds the day column given. */
export function scopedWhere(table: Filterable, scope: StatsScope, range: Range, day: AnyPgColumn, days: { from?: string; to: string }): SQL {
  return and(scoped(table, scope, range), days.from ? gte(day, days.from) : undefined, lte(day, days.to))!
}

/** Scope and filters without a day bound. */
export function scoped(table: Filterable, scope: StatsScope, range: Range): SQL {
  return and(
    eq(table.unitId, scope.unitId),
    scope.deptIds ? inArray(table.deptId, scope.deptIds) : undefined,
    range.item && table.itemId ? eq(table.itemId, range.item) : undefined,
    range.handler && table.handlerId ? eq(table.handlerId, range.handler) : undefined,
  )!
}

/** Whether the range narrows to an item or handler, which only the daily rollup and facts carry. */
export const narrowed = (range: Range) => Boolean(range.item || range.handler)

const BUCKET_FORMATS: Record<Period, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' }
/** The SQL twin of `bucketOf`: the same labels, computed where the rows are. */
export const bucketSql = (period: Period, day: AnyPgColumn) =>
  sql<string>`to_char(${period === 'week' ? sql`date_trunc('week', ${day})` : day}, ${sql.raw(`'${BUCKET_FORMATS[period]}'`)})`

/** Periods whose buckets are whole months, so a trend by them can read the monthly rollups. */
export const byMonths = (period: Period) => period === 'month' || period === 'quarter' || period === 'year'
/** Before any case: a backlog sums every day from here. */
export const FIRST_DAY = '2000-01-01'

const DAY_MS = 86_400_000
const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)
const firstOfNextMonth = (day: string) => {
  const [year, mon] = day.split('-').map(Number) as [number, number]
  return mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, '0')}-01`
}

/** The whole months inside `from`…`to`: the first of the first one and the first of the month after the last; null when none. */
export function wholeMonths(from: string, to: string): { from: string; until: string } | null {
  const start = from.endsWith('-01') ? from : firstOfNextMonth(from)
  const until = shift(to, 1).endsWith('-01') ? shift(to, 1) : `${to.slice(0, 7)}-01`
  return start < until ? { from: start, until } : null
}

/**
 * Reads a range from a daily table and its monthly twin: the whole months from the monthly one
 * (a year is twelve rows per key instead of 365), the ragged ends from the daily one. `read`
 * gets the table and the day condition on it and answers rows the caller merges.
 * `byMonth` false reads days only (a trend by day or week needs them).
 */
export async function acrossGrains<T extends { day: AnyPgColumn }, R>(
  tables: { daily: T; monthly: T },
  span: { from: string; to: string },
  byMonth: boolean,
  read: (table: T, days: SQL) => Promise<R[]>,
): Promise<R[]> {
  const months = byMonth ? wholeMonths(span.from, span.to) : null
  const inSpan = (table: T) => and(gte(table.day, span.from), lte(table.day, span.to))!
  if (!months) return read(tables.daily, inSpan(tables.daily))
  const inMonths = (table: T) => and(gte(table.day, months.from), lt(table.day, months.until))!
  const [ends, whole] = await Promise.all([
    span.from < months.from || shift(span.to, 1) > months.until ? read(tables.daily, and(inSpan(tables.daily), not(inMonths(tables.daily)))!) : Promise.resolve([]),
    read(tables.monthly, inMonths(tables.monthly)),
  ])
  return [...ends, ...whole]
}

