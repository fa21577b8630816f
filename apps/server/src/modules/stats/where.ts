import { and, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm'
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
  return and(
    eq(table.unitId, scope.unitId),
    scope.deptIds ? inArray(table.deptId, scope.deptIds) : undefined,
    range.item && table.itemId ? eq(table.itemId, range.item) : undefined,
    range.handler && table.handlerId ? eq(table.handlerId, range.handler) : undefined,
    days.from ? gte(day, days.from) : undefined,
    lte(day, days.to),
  )!
}

/** Whether the range narrows to an item or handler, which only the daily rollup and facts carry. */
export const narrowed = (range: Range) => Boolean(range.item || range.handler)

const BUCKET_FORMATS: Record<Period, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' }
/** The SQL twin of `bucketOf`: the same labels, computed where the rows are. */
export const bucketSql = (period: Period, day: AnyPgColumn) =>
  sql<string>`to_char(${period === 'week' ? sql`date_trunc('week', ${day})` : day}, ${sql.raw(`'${BUCKET_FORMATS[period]}'`)})`
