import { and, isNotNull, sql } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import { statsCaseFacts, statsHandling, statsHandlingMonthly } from '../../db/schema'
import type { Period, Range } from './filters'
import { tenthsOf } from './rollup'
import type { StatsScope } from './scope'
import { acrossGrains, bucketSql, byMonths, narrowed, scoped, scopedWhere } from './where'

type HistogramTable = typeof statsHandling | typeof statsHandlingMonthly
const HISTOGRAM: { daily: HistogramTable; monthly: HistogramTable } = { daily: statsHandling, monthly: statsHandlingMonthly }

/** One bar of a handling-time histogram: how many decided cases took `tenths` tenths of a working day. */
interface Bar {
  tenths: number
  cases: number
}

/**
 * The median of a histogram in working days, exact to the bucket: the lower bound of the bucket
 * holding the middle case (the mean of the two middle cases' buckets for an even count), so it is at
 * most 0.1 day below the exact median. Null when nothing was decided.
 */
export function medianOf(bars: Bar[]): number | null {
  const sorted = [...bars].sort((a, b) => a.tenths - b.tenths)
  const total = sorted.reduce((sum, bar) => sum + bar.cases, 0)
  if (!total) return null
  const at = (position: number) => {
    let seen = 0
    for (const bar of sorted) if ((seen += bar.cases) >= position) return bar.tenths
    return sorted.at(-1)!.tenths
  }
  const middle = (at(Math.floor((total + 1) / 2)) + at(Math.floor(total / 2) + 1)) / 2
  return Math.round(middle * 10) / 100
}

/**
 * Handling-time medians of the range, per period bucket (one '' bucket when `period` is null).
 * From the histogram rollups (whole months from the monthly one); a range narrowed to an item or handler (which the histogram does not
 * carry) buckets that item's or handler's facts the same way, so both give the same medians.
 */
export async function handlingMedians(db: Db, scope: StatsScope, range: Range, period: Period | null): Promise<Map<string, number | null>> {
  const bucket = (day: AnyPgColumn) => (period ? bucketSql(period, day) : sql<string>`''`)
  const rows = narrowed(range)
    ? await db
        .select({ bucket: bucket(statsCaseFacts.endedDay), tenths: sql<number>`${tenthsOf(sql`${statsCaseFacts.handlingWd}`)}`.mapWith(Number), cases: sql<number>`count(*)::float8`.mapWith(Number) })
        .from(statsCaseFacts)
        .where(and(scopedWhere(statsCaseFacts, scope, range, statsCaseFacts.endedDay, range), isNotNull(statsCaseFacts.handlingWd)))
        .groupBy(sql`1`, sql`2`)
    : await acrossGrains(HISTOGRAM, range, !period || byMonths(period), (t, days) =>
        db
          .select({ bucket: bucket(t.day), tenths: t.tenths, cases: sql<number>`sum(${t.cases})::float8`.mapWith(Number) })
          .from(t)
          .where(and(scoped(t, scope, range), days))
          .groupBy(sql`1`, sql`2`),
      )
  const bars = new Map<string, Bar[]>()
  for (const row of rows) bars.set(row.bucket, [...(bars.get(row.bucket) ?? []), { tenths: row.tenths, cases: row.cases }])
  return new Map([...bars].map(([key, list]) => [key, medianOf(list)]))
}
