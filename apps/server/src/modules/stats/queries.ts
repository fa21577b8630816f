import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import { consultations, departments, items, statsBacklog, statsDaily, statsMonthly, users } from '../../db/schema'
import { bucketsBetween, type Dimension, type Period, type Range } from './filters'
import { handlingMedians } from './handling'
import type { StatsScope } from './scope'
import { acrossGrains, bucketSql, byMonths, FIRST_DAY, narrowed, scoped, scopedWhere } from './where'

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
  /** Trips to the hall per received case: each desk intake is one, each case sent back for supplement (补正) one more. */
  visitsPerCase: number | null
  evaluated: number
  /** 首问登记: questions registered at the windows in the range (range-wide: null per bucket or group). */
  firstAsks: number | null
  /** Of those referred to another window, the share whose referral was completed (转办办结率). */
  referralCompletionRate: number | null
}

/** The figures only a whole range has (a backlog on its last day, the first-ask register); null in trend rows and groups. */
export const RANGE_WIDE = ['inProgress', 'firstAsks', 'referralCompletionRate'] as const satisfies readonly (keyof Metrics)[]
const RANGE_WIDE_ONLY = { inProgress: null, firstAsks: null, referralCompletionRate: null }
type Extra = Pick<Metrics, 'inProgress' | 'medianWd' | 'firstAsks' | 'referralCompletionRate'>

const total = (column: AnyPgColumn) => sql<number>`coalesce(sum(${column}), 0)::float8`.mapWith(Number)
type RollupTable = typeof statsDaily | typeof statsMonthly
const ROLLUP: { daily: RollupTable; monthly: RollupTable } = { daily: statsDaily, monthly: statsMonthly }
const countersOf = (t: RollupTable) => ({
  received: total(t.received),
  online: total(t.online),
  returned: total(t.returned),
  supplemented: total(t.supplemented),
  ended: total(t.ended),
  completed: total(t.completed),
  onTime: total(t.onTime),
  overdue: total(t.overdue),
  handling: total(t.handlingWdSum),
  evaluated: total(t.evaluated),
  satisfied: total(t.satisfied),
})
type Counters = { [K in keyof ReturnType<typeof countersOf>]: number }
const ZERO = Object.fromEntries(Object.keys(countersOf(statsDaily)).map((key) => [key, 0])) as Counters

/**
 * The rollup's counters over a span (default the range), summed per key (a window, a bucket…; one
 * '' key when `key` is null): whole months from the monthly rollup unless `byMonth` is false.
 */
async function counted(db: Db, scope: StatsScope, range: Range, key: ((t: RollupTable) => SQL<string> | AnyPgColumn) | null, options: { byMonth?: boolean; span?: { from: string; to: string } } = {}) {
  const rows = await acrossGrains(ROLLUP, options.span ?? range, options.byMonth ?? true, (t, days) =>
    db.select({ key: sql<string>`${key ? key(t) : sql`''`}`, ...countersOf(t) }).from(t).where(and(scoped(t, scope, range), days)).groupBy(sql`1`),
  )
  const sums = new Map<string, Counters>()
  for (const { key: k, ...row } of rows) {
    const sum = sums.get(k) ?? { ...ZERO }
    for (const name of Object.keys(ZERO) as (keyof Counters)[]) sum[name] += row[name]
    sums.set(k, sum)
  }
  return sums
}

const ratio = (part: number, whole: number, digits = 4) => (whole ? Math.round((part / whole) * 10 ** digits) / 10 ** digits : null)

function toMetrics(c: Counters, extra: Extra): Metrics {
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
    visitsPerCase: ratio(c.received - c.online + c.supplemented, c.received, 2),
    evaluated: c.evaluated,
    firstAsks: extra.firstAsks,
    referralCompletionRate: extra.referralCompletionRate,
  }
}

/** The first-ask register (首问登记) of the range: read from the consultations themselves, a few per window a day. */
async function firstAsk(db: Db, scope: StatsScope, range: Range): Promise<Pick<Metrics, 'firstAsks' | 'referralCompletionRate'>> {
  const [row] = await db
    .select({
      asked: count(),
      referred: count(consultations.referredDeptId),
      completed: sql<number>`count(*) filter (where ${consultations.referredDeptId} is not null and ${consultations.referralCompleted})`.mapWith(Number),
    })
    .from(consultations)
    .where(
      and(
        eq(consultations.unitId, scope.unitId),
        scope.deptIds ? inArray(consultations.deptId, scope.deptIds) : undefined,
        range.item ? eq(consultations.itemId, range.item) : undefined,
        range.handler ? eq(consultations.handledBy, range.handler) : undefined,
        gte(consultations.createdAt, new Date(`${range.from}T00:00:00+08:00`)),
        lt(consultations.createdAt, new Date(Date.parse(`${range.to}T00:00:00+08:00`) + 86_400_000)),
      ),
    )
  return { firstAsks: row?.asked ?? 0, referralCompletionRate: ratio(row?.completed ?? 0, row?.referred ?? 0) }
}

/** Cases received by `to` and not ended by it: the backlog on the range's last day, each window's latest running-backlog row. */
async function inProgress(db: Db, scope: StatsScope, range: Range): Promise<number> {
  if (narrowed(range)) {
    // The running backlog is kept per window; an item's or handler's is summed from the rollups.
    const all = (await counted(db, scope, range, null, { span: { from: FIRST_DAY, to: range.to } })).get('') ?? ZERO
    return all.received - all.ended
  }
  const latest = db
    .selectDistinctOn([statsBacklog.deptId], { open: statsBacklog.open })
    .from(statsBacklog)
    .where(scopedWhere(statsBacklog, scope, range, statsBacklog.day, { to: range.to }))
    .orderBy(statsBacklog.deptId, desc(statsBacklog.day))
    .as('latest')
  const [row] = await db.select({ value: sql<number>`coalesce(sum(${latest.open}), 0)::float8`.mapWith(Number) }).from(latest)
  return row?.value ?? 0
}

/** The range's figures at a glance. */
export async function overview(db: Db, scope: StatsScope, range: Range): Promise<Metrics> {
  const [counters, medians, backlog, asked] = await Promise.all([
    counted(db, scope, range, null),
    handlingMedians(db, scope, range, null),
    inProgress(db, scope, range),
    firstAsk(db, scope, range),
  ])
  return toMetrics(counters.get('') ?? ZERO, { inProgress: backlog, medianWd: medians.get('') ?? null, ...asked })
}

/** One row per period bucket from `from` to `to`, quiet buckets included as zeros. */
export async function trend(db: Db, scope: StatsScope, range: Range, period: Period): Promise<({ bucket: string } & Metrics)[]> {
  const [byBucket, medians] = await Promise.all([
    counted(db, scope, range, (t) => bucketSql(period, t.day), { byMonth: byMonths(period) }),
    handlingMedians(db, scope, range, period),
  ])
  return bucketsBetween(period, range.from, range.to).map((label) => ({
    bucket: label,
    ...toMetrics(byBucket.get(label) ?? ZERO, { ...RANGE_WIDE_ONLY, medianWd: medians.get(label) ?? null }),
  }))
}

const DIMENSION_COLUMN = { dept: (t: RollupTable) => t.deptId, item: (t: RollupTable) => t.itemId, handler: (t: RollupTable) => t.handlerId } satisfies Record<Dimension, unknown>

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

export type RankingMetric = Exclude<keyof Metrics, (typeof RANGE_WIDE)[number] | 'medianWd'>
export interface GroupRow extends Metrics {
  key: string
  name: string
}

/** Figures per window, item or handler (the median and backlog are range-wide figures, so null here). */
export async function grouped(db: Db, scope: StatsScope, range: Range, by: Dimension): Promise<GroupRow[]> {
  const rows = await counted(db, scope, range, DIMENSION_COLUMN[by])
  const names = await namesOf(db, by, [...rows.keys()])
  return [...rows].map(([key, row]) => ({ key, name: names.get(key) ?? key, ...toMetrics(row, { ...RANGE_WIDE_ONLY, medianWd: null }) }))
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
    const row = (await counted(db, scope, range, null)).get('')
    return [
      { key: 'online', name: '网上申请', value: row?.online ?? 0 },
      { key: 'desk', name: '窗口受理', value: (row?.received ?? 0) - (row?.online ?? 0) },
    ]
  }
  return (await grouped(db, scope, range, by)).filter((row) => row.received > 0).map((row) => ({ key: row.key, name: row.name, value: row.received })).sort((a, b) => b.value - a.value)
}
