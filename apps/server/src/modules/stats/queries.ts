import { and, eq, gte, inArray, isNotNull, lte, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import { departments, items, statsCaseFacts, statsDaily, users } from '../../db/schema'
import { bucketsBetween, type Dimension, type Period, type Range } from './filters'
import type { StatsScope } from './scope'

/** Every figure a dashboard shows; rates are fractions (0.95), null when nothing was counted. */
export interface Metrics {
  received: number
  completed: number
  inProgress: number | null
  onTimeRate: number | null
  overdue: number
  averageWd: number | null
  medianWd: number | null
  returnedRate: number | null
  supplementRate: number | null
  satisfactionRate: number | null
  onlineRate: number | null
  evaluated: number
}

const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::float8`.mapWith(Number)
const COUNTERS = {
  received: total(statsDaily.received),
  online: total(statsDaily.online),
  returned: total(statsDaily.returned),
  supplemented: total(statsDaily.supplemented),
  completed: total(statsDaily.completed),
  onTime: total(statsDaily.onTime),
  overdue: total(statsDaily.overdue),
  handling: total(statsDaily.handlingWdSum),
  evaluated: total(statsDaily.evaluated),
  satisfied: total(statsDaily.satisfied),
}
type Counters = { [K in keyof typeof COUNTERS]: number }

const ratio = (part: number, whole: number, digits = 4) => (whole ? Math.round((part / whole) * 10 ** digits) / 10 ** digits : null)

function toMetrics(c: Counters, extra: { inProgress: number | null; medianWd: number | null }): Metrics {
  return {
    received: c.received,
    completed: c.completed,
    inProgress: extra.inProgress,
    onTimeRate: ratio(c.onTime, c.completed),
    overdue: c.overdue,
    averageWd: ratio(c.handling, c.completed, 2),
    medianWd: extra.medianWd === null ? null : Math.round(extra.medianWd * 100) / 100,
    returnedRate: ratio(c.returned, c.received),
    supplementRate: ratio(c.supplemented, c.received),
    satisfactionRate: ratio(c.satisfied, c.evaluated),
    onlineRate: ratio(c.online, c.received),
    evaluated: c.evaluated,
  }
}

type Table = typeof statsDaily | typeof statsCaseFacts
/** Scope and filters on either table; `days` bounds the day column given. */
function where(table: Table, scope: StatsScope, range: Range, day: AnyPgColumn, days: { from?: string; to: string }): SQL {
  return and(
    eq(table.unitId, scope.unitId),
    scope.deptIds ? inArray(table.deptId, scope.deptIds) : undefined,
    range.item ? eq(table.itemId, range.item) : undefined,
    range.handler ? eq(table.handlerId, range.handler) : undefined,
    days.from ? gte(day, days.from) : undefined,
    lte(day, days.to),
  )!
}

const BUCKET_FORMATS: Record<Period, string> = { day: 'YYYY-MM-DD', week: 'YYYY-MM-DD', month: 'YYYY-MM', quarter: 'YYYY-"Q"Q', year: 'YYYY' }
/** The SQL twin of `bucketOf`: the same labels, computed where the rows are. */
const bucketSql = (period: Period, day: AnyPgColumn) =>
  sql<string>`to_char(${period === 'week' ? sql`date_trunc('week', ${day})` : day}, ${sql.raw(`'${BUCKET_FORMATS[period]}'`)})`

const median = sql<number | null>`percentile_cont(0.5) within group (order by ${statsCaseFacts.handlingWd})`.mapWith((v) => (v === null ? null : Number(v)))

/** Cases received by `to` and not ended by it: the backlog on the range's last day. */
async function inProgress(db: Db, scope: StatsScope, range: Range): Promise<number> {
  const [row] = await db
    .select({ value: sql<number>`coalesce(sum(${statsDaily.received}) - sum(${statsDaily.ended}), 0)::float8`.mapWith(Number) })
    .from(statsDaily)
    .where(where(statsDaily, scope, range, statsDaily.day, { to: range.to }))
  return row?.value ?? 0
}

/** The range's figures at a glance. */
export async function overview(db: Db, scope: StatsScope, range: Range): Promise<Metrics> {
  const [[counters], [mid], backlog] = await Promise.all([
    db.select(COUNTERS).from(statsDaily).where(where(statsDaily, scope, range, statsDaily.day, range)),
    db.select({ median }).from(statsCaseFacts).where(and(where(statsCaseFacts, scope, range, statsCaseFacts.endedDay, range), isNotNull(statsCaseFacts.handlingWd))),
    inProgress(db, scope, range),
  ])
  return toMetrics(counters!, { inProgress: backlog, medianWd: mid?.median ?? null })
}

/** One row per period bucket from `from` to `to`, quiet buckets included as zeros. */
export async function trend(db: Db, scope: StatsScope, range: Range, period: Period): Promise<({ bucket: string } & Metrics)[]> {
  const dailyBucket = bucketSql(period, statsDaily.day)
  const factBucket = bucketSql(period, statsCaseFacts.endedDay)
  const [rows, medians] = await Promise.all([
    db.select({ bucket: dailyBucket, ...COUNTERS }).from(statsDaily).where(where(statsDaily, scope, range, statsDaily.day, range)).groupBy(dailyBucket),
    db.select({ bucket: factBucket, median }).from(statsCaseFacts)
      .where(and(where(statsCaseFacts, scope, range, statsCaseFacts.endedDay, range), isNotNull(statsCaseFacts.handlingWd)))
      .groupBy(factBucket),
  ])
  const byBucket = new Map(rows.map((row) => [row.bucket, row]))
  const medianOf = new Map(medians.map((row) => [row.bucket, row.median]))
  const zero = Object.fromEntries(Object.keys(COUNTERS).map((key) => [key, 0])) as Counters
  return bucketsBetween(period, range.from, range.to).map((bucket) => ({
    bucket,
    ...toMetrics(byBucket.get(bucket) ?? zero, { inProgress: null, medianWd: medianOf.get(bucket) ?? null }),
  }))
}

const DIMENSION_COLUMN = { dept: statsDaily.deptId, item: statsDaily.itemId, handler: statsDaily.handlerId } satisfies Record<Dimension, AnyPgColumn>

/** Display names of the keys of one dimension; a case nobody has handled yet is 未分派. */
export async function namesOf(db: Db, by: Dimension, keys: string[]): Promise<Map<string, string>> {
  const ids = keys.filter(Boolean)
  const rows = !ids.length
    ? []
    : by === 'dept'
      ? await db.select({ id: departments.id, name: departments.name }).from(departments).where(inArray(departments.id, ids))
      : by === 'item'
        ? await db.select({ id: items.id, name: items.name }).from(items).where(inArray(items.id, ids))
        : await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, ids))
  return new Map([['', '未分派'], ...rows.map((row) => [row.id, row.name] as const)])
}

export type RankingMetric = Exclude<keyof Metrics, 'inProgress' | 'medianWd'>
export interface GroupRow extends Metrics {
  key: string
  name: string
}

/** Figures per window, item or handler (the median and backlog are range-wide figures, so null here). */
export async function grouped(db: Db, scope: StatsScope, range: Range, by: Dimension): Promise<GroupRow[]> {
  const column = DIMENSION_COLUMN[by]
  const rows = await db.select({ key: column, ...COUNTERS }).from(statsDaily).where(where(statsDaily, scope, range, statsDaily.day, range)).groupBy(column)
  const names = await namesOf(db, by, rows.map((row) => row.key))
  return rows.map((row) => ({ key: row.key, name: names.get(row.key) ?? row.key, ...toMetrics(row, { inProgress: null, medianWd: null }) }))
}

/** The top `limit` groups by one figure, best first (`asc` for figures where less is better: days, overdue). */
export async function ranking(db: Db, scope: StatsScope, range: Range, by: Dimension, metric: RankingMetric, order: 'asc' | 'desc', limit: number): Promise<GroupRow[]> {
  const rows = (await grouped(db, scope, range, by)).filter((row) => row[metric] !== null)
  const sign = order === 'asc' ? 1 : -1
  return rows.sort((a, b) => sign * ((a[metric] as number) - (b[metric] as number)) || a.name.localeCompare(b.name, 'zh-CN')).slice(0, limit)
}

export const SHARES = ['dept', 'item', 'handler', 'intake'] as const
export type Share = (typeof SHARES)[number]

/** How the received cases divide: by window, item, handler, or online versus desk (a pie's slices). */
export async function distribution(db: Db, scope: StatsScope, range: Range, by: Share): Promise<{ key: string; name: string; value: number }[]> {
  if (by === 'intake') {
    const [row] = await db.select(COUNTERS).from(statsDaily).where(where(statsDaily, scope, range, statsDaily.day, range))
    return [
      { key: 'online', name: '网上申请', value: row?.online ?? 0 },
      { key: 'desk', name: '窗口受理', value: (row?.received ?? 0) - (row?.online ?? 0) },
    ]
  }
  return (await grouped(db, scope, range, by)).filter((row) => row.received > 0).map((row) => ({ key: row.key, name: row.name, value: row.received })).sort((a, b) => b.value - a.value)
}
