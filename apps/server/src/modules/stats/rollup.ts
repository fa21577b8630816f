import { getTableColumns, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { statsBacklog, statsCaseFacts, statsDaily, statsHandling, statsHandlingMonthly, statsMonthly } from '../../db/schema'
import type { CaseFact } from './facts'

/** A unit's calendar day: the grain the daily rollup is recomputed at. */
export interface DayKey {
  unitId: string
  day: string
}

/** The days of a unit a fact adds to (received, ended, overdue). */
export function daysOf(fact: Pick<CaseFact, 'unitId' | 'receivedDay' | 'endedDay' | 'overdueDay'>): DayKey[] {
  return [fact.receivedDay, fact.endedDay, fact.overdueDay].flatMap((day) => (day ? [{ unitId: fact.unitId, day }] : []))
}

/**
 * The histogram's last bucket: 60 working days and more. Beyond it a median is only known to be
 * "at least 60 days", which no promised limit in the hall comes near.
 */
const HANDLING_CAP_TENTHS = 600
/** The tenth of a working day a handling time falls in, capped; from hundredths so 0.3 is bucket 3, not 2.9999…'s 2. */
export const tenthsOf = (handlingWd: SQL | string) => sql`least(round(${typeof handlingWd === 'string' ? sql.raw(handlingWd) : handlingWd} * 100)::int / 10, ${sql.raw(String(HANDLING_CAP_TENTHS))})`

/** The first of the month of a `YYYY-MM-DD` day, and of the month after. */
const monthOf = (day: string) => `${day.slice(0, 7)}-01`
const nextMonth = (month: string) => {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  return mon === 12 ? `${year + 1}-01-01` : `${year}-${String(mon + 1).padStart(2, '0')}-01`
}

/** The monthly tables and the daily ones they sum; every column not a key is a counter. */
const MONTHLY = [
  { daily: statsDaily, monthly: statsMonthly, keys: ['unit_id', 'day', 'dept_id', 'item_id', 'handler_id'] },
  { daily: statsHandling, monthly: statsHandlingMonthly, keys: ['unit_id', 'day', 'dept_id', 'tenths'] },
] as const

/** Re-sums the monthly tables for the months of the given days (all months when `keys` is null). */
async function rollupMonths(db: Db, keys: DayKey[] | null): Promise<void> {
  const months = keys && [...new Map(keys.map((k) => [`${k.unitId}|${monthOf(k.day)}`, { unitId: k.unitId, month: monthOf(k.day) }])).values()]
  const pairs = months && sql.join(months.map((m) => sql`(${m.unitId}, ${m.month}::date)`), sql`, `)
  // Each month as a day range, so the daily tables are read through their (unit_id, day) keys.
  const inMonths = months && sql.join(months.map((m) => sql`(unit_id = ${m.unitId} and day >= ${m.month}::date and day < ${nextMonth(m.month)}::date)`), sql` or `)
  for (const { daily, monthly, keys: keyColumns } of MONTHLY) {
    const counters = Object.values(getTableColumns(daily)).map((c) => c.name).filter((name) => !(keyColumns as readonly string[]).includes(name))
    const groups = keyColumns.map((name) => (name === 'day' ? `date_trunc('month', day)::date` : name))
    await db.execute(pairs ? sql`delete from ${monthly} where (unit_id, day) in (${pairs})` : sql`delete from ${monthly}`)
    await db.execute(sql`
      insert into ${monthly} (${sql.raw([...keyColumns, ...counters].join(', '))})
      select ${sql.raw([...groups, ...counters.map((name) => `sum(${name})`)].join(', '))}
      from ${daily} ${inMonths ? sql`where ${inMonths}` : sql``}
      group by ${sql.raw(groups.join(', '))}`)
  }
}

/**
 * Recomputes the daily rollup, the handling-time histogram, their monthly sums and the running backlog of the given
 * days from the facts (all days when `keys` is null): delete, then insert–select. Recomputing whole
 * days from facts, rather than adding deltas, is what makes a refresh idempotent.
 */
export async function rollupDays(db: Db, keys: DayKey[] | null): Promise<void> {
  if (keys && !keys.length) return
  const unique = keys && [...new Map(keys.map((k) => [`${k.unitId}|${k.day}`, k])).values()]
  const list = unique && sql.join(unique.map((k) => sql`(${k.unitId}, ${k.day}::date)`), sql`, `)
  const on = (day: string): SQL => (list ? sql`(unit_id, ${sql.raw(day)}) in (${list})` : sql`${sql.raw(day)} is not null`)
  const clear = (table: typeof statsDaily | typeof statsHandling) => db.execute(list ? sql`delete from ${table} where (unit_id, day) in (${list})` : sql`delete from ${table}`)
  await clear(statsDaily)
  await db.execute(sql`
    insert into ${statsDaily} (unit_id, day, dept_id, item_id, handler_id, received, online, returned, supplemented, ended, completed, on_time, overdue, handling_wd_sum, evaluated, satisfied)
    select unit_id, day, dept_id, item_id, handler_id, sum(received), sum(online), sum(returned), sum(supplemented), sum(ended), sum(completed), sum(on_time), sum(overdue), sum(handling), sum(evaluated), sum(satisfied)
    from (
      select unit_id, received_day as day, dept_id, item_id, handler_id, 1 as received, online, (result is not distinct from 'returned')::int as returned, supplemented,
             0 as ended, 0 as completed, 0 as on_time, 0 as overdue, 0::float8 as handling, 0 as evaluated, 0 as satisfied
        from ${statsCaseFacts} where ${on('received_day')}
      union all
      select unit_id, ended_day, dept_id, item_id, handler_id, 0, 0, 0, 0,
             1, (result in ('completed', 'rejected'))::int, on_time, 0, coalesce(handling_wd, 0), (satisfied is not null)::int, coalesce(satisfied, 0)
        from ${statsCaseFacts} where ${on('ended_day')}
      union all
      select unit_id, overdue_day, dept_id, item_id, handler_id, 0, 0, 0, 0, 0, 0, 0, 1, 0::float8, 0, 0
        from ${statsCaseFacts} where ${on('overdue_day')}
    ) contributions
    group by unit_id, day, dept_id, item_id, handler_id`)
  await clear(statsHandling)
  await db.execute(sql`
    insert into ${statsHandling} (unit_id, day, dept_id, tenths, cases)
    select unit_id, ended_day, dept_id, ${tenthsOf('handling_wd')}, count(*)::int
    from ${statsCaseFacts} where handling_wd is not null and ${on('ended_day')}
    group by 1, 2, 3, 4`)
  await rollupMonths(db, unique)
  await rollupBacklog(db, unique)
}

/**
 * The running backlog from the daily rollup: per window, received − ended summed over the days.
 * Only days from the earliest changed one move, so each unit's backlog is recomputed from there on,
 * starting from the window's last row before it.
 */
async function rollupBacklog(db: Db, keys: DayKey[] | null): Promise<void> {
  if (!keys) {
    await db.execute(sql`delete from ${statsBacklog}`)
    await db.execute(sql`
      insert into ${statsBacklog} (unit_id, dept_id, day, open)
      select unit_id, dept_id, day, sum(delta) over (partition by unit_id, dept_id order by day)
      from (select unit_id, dept_id, day, sum(received - ended) as delta from ${statsDaily} group by unit_id, dept_id, day) days`)
    return
  }
  const earliest = new Map<string, string>()
  for (const { unitId, day } of keys) if (!earliest.has(unitId) || day < earliest.get(unitId)!) earliest.set(unitId, day)
  for (const [unitId, day] of earliest) {
    await db.execute(sql`delete from ${statsBacklog} where unit_id = ${unitId} and day >= ${day}::date`)
    await db.execute(sql`
      insert into ${statsBacklog} (unit_id, dept_id, day, open)
      select ${unitId}, days.dept_id, days.day, coalesce(before.open, 0) + sum(days.delta) over (partition by days.dept_id order by days.day)
      from (select dept_id, day, sum(received - ended) as delta from ${statsDaily} where unit_id = ${unitId} and day >= ${day}::date group by dept_id, day) days
      left join (select distinct on (dept_id) dept_id, open from ${statsBacklog} where unit_id = ${unitId} and day < ${day}::date order by dept_id, day desc) before
        on before.dept_id = days.dept_id`)
  }
}
