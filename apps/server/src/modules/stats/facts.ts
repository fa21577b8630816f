import { createCalendar } from '@hall/process-engine'
import { desc, inArray, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, statsCaseFacts, statsWorkingDays } from '../../db/schema'

export type CaseFact = typeof statsCaseFacts.$inferSelect

/** The engine's default office hours; handling time counts office time on the same calendar. */
const OFFICE_HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '14:30', end: '18:00' },
]
const calendar = createCalendar({ officeHours: OFFICE_HOURS })
const clockMs = (hhmm: string) => (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000
const PERIODS = OFFICE_HOURS.map((p) => ({ start: clockMs(p.start), end: clockMs(p.end) }))
/** Office time of one working day (7 hours). */
const WORKING_DAY_MS = PERIODS.reduce((sum, p) => sum + p.end - p.start, 0)
/** The first day `stats_working_days` holds; office time is counted from its midnight. */
const CALENDAR_ORIGIN = '2000-01-01'
/** How far past the latest case the calendar is extended, so most refreshes find it ready. */
const CALENDAR_AHEAD_DAYS = 31

const BEIJING_MS = 8 * 3_600_000
const DAY_MS = 86_400_000
/** The Beijing calendar day of an instant, `YYYY-MM-DD`. */
export const beijingDay = (ms: number) => new Date(ms + BEIJING_MS).toISOString().slice(0, 10)
const nextDay = (day: string, n = 1) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10)

/** postgres.js answers an array, PGlite an object with `rows`. */
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[]
}

/**
 * Makes `stats_working_days` cover every day up to `until` (`fresh`: recomputed from scratch, as a
 * rebuild does in case the holiday data changed). Appending is enough otherwise: the office time
 * before a day never changes once the days before it are known.
 */
export async function ensureWorkingDays(db: Db, until: string, fresh = false): Promise<void> {
  if (fresh) await db.delete(statsWorkingDays)
  const [last] = await db.select().from(statsWorkingDays).orderBy(desc(statsWorkingDays.day)).limit(1)
  if (last && last.day >= until) return
  const rows: (typeof statsWorkingDays.$inferInsert)[] = []
  let msBefore = last ? last.msBefore + (last.working ? WORKING_DAY_MS : 0) : 0
  for (let day = last ? nextDay(last.day) : CALENDAR_ORIGIN; day <= nextDay(until, CALENDAR_AHEAD_DAYS); day = nextDay(day)) {
    const working = calendar.isWorkingDay(day)
    rows.push({ day, working, msBefore })
    if (working) msBefore += WORKING_DAY_MS
  }
  for (let i = 0; i < rows.length; i += 1_000) await db.insert(statsWorkingDays).values(rows.slice(i, i + 1_000))
}

/** The latest Beijing day the matching cases touch (submitted or completed), to size the calendar. */
export async function lastDayOf(db: Db, filter: SQL | undefined): Promise<string | null> {
  const [row] = rowsOf<{ ms: number | null }>(
    await db.execute(sql`select (extract(epoch from max(greatest(${cases.submittedAt}, ${cases.completedAt}))) * 1000)::float8 as ms from ${cases} ${filter ? sql`where ${filter}` : sql``}`),
  )
  return row?.ms == null ? null : beijingDay(Number(row.ms))
}

/** The Beijing wall-clock time of an instant (no DST in Asia/Shanghai, so a fixed offset). */
const local = (at: SQL) => sql`((${at}) at time zone 'UTC' + interval '8 hours')`
const dayOf = (at: SQL) => sql`(${local(at)})::date`
/** Office time from the calendar's origin to the instant: the day's lookup plus the office time of that day before it. */
function officeMsAt(at: SQL): SQL {
  const sinceMidnight = sql`(extract(epoch from ${local(at)}::time) * 1000)`
  const today = sql.join(PERIODS.map((p) => sql`least(greatest(${sinceMidnight} - ${sql.raw(String(p.start))}, 0), ${sql.raw(String(p.end - p.start))})`), sql` + `)
  return sql`(select w.ms_before + case when w.working then ${today} else 0 end from ${statsWorkingDays} w where w.day = ${dayOf(at)})`
}

// Written out qualified: inside these subqueries a bare "id" or "instance_id" would name the subquery's own column.
const caseId = sql.raw('"cases"."id"')
const instanceId = sql.raw('"cases"."instance_id"')

/**
 * The fact row of every case matching `filter`, computed in SQL (set-based, so a rebuild never
 * pages cases through Node). From history: the first step's completer, the working time its clock
 * stood suspended (补正), when it went overdue; whether a supplement notice went out; its rating.
 * On time = decided (办结) no later than its promise and never flagged overdue. Handling time =
 * office time from submission to result minus the suspended time, in working days (2 decimals).
 * Returns how many facts it wrote.
 */
export async function insertFacts(db: Db, filter: SQL): Promise<number> {
  const submitted = sql`${cases.submittedAt}`
  const result = await db.execute(sql`
    with inserted as (insert into ${statsCaseFacts} (case_id, unit_id, dept_id, item_id, handler_id, online, received_day, ended_day, result, overdue_day, on_time, supplemented, satisfied, handling_wd)
    select ${caseId}, ${cases.unitId}, ${cases.deptId}, ${cases.itemId}, coalesce(${cases.acceptedBy}, h.first_completer, ''), (${cases.intake} = 'online')::int,
           ${dayOf(submitted)}, case when r.result is not null then ${dayOf(sql`r.ended_at`)} end, r.result, ${dayOf(sql`h.overdue_at`)},
           (r.decided and h.overdue_at is null and (${cases.promiseDue} is null or r.ended_at <= ${cases.promiseDue}))::int,
           h.supplemented::int,
           case when h.rating is null then null when h.rating = 'unsatisfied' then 0 else 1 end,
           case when r.decided then floor(greatest(0, ${officeMsAt(sql`r.ended_at`)} - ${officeMsAt(submitted)} - h.suspended_ms) / ${sql.raw(String(WORKING_DAY_MS))}.0 * 100 + 0.5) / 100 end
    from ${cases}
    cross join lateral (
      select case when ${cases.status} in ('completed', 'rejected', 'returned', 'withdrawn', 'terminated') then ${cases.status} end as result,
             coalesce(${cases.completedAt}, ${submitted}) as ended_at,
             ${cases.status} in ('completed', 'rejected') as decided
    ) r
    cross join lateral (
      select (select h.actor from engine_history h where h.instance_id = ${instanceId} and h.type in ('task.completed', 'task.rejected') order by h.id limit 1) as first_completer,
             (select coalesce(sum((h.data->>'suspendedWorkingMs')::float8), 0) from engine_history h where h.instance_id = ${instanceId} and h.type = 'clock.resumed') as suspended_ms,
             (select min(h.at) from engine_history h where h.instance_id = ${instanceId} and h.type = 'process.overdue') as overdue_at,
             exists (select 1 from case_notices n where n.case_id = ${caseId} and n.kind = 'supplement') as supplemented,
             (select e.rating from evaluations e where e.case_id = ${caseId}) as rating
    ) h
    where ${submitted} is not null and ${filter}
    returning 1)
    select count(*)::int as n from inserted`)
  return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0)
}

/** The current facts of the named cases. */
export const factsOf = (db: Db, caseIds: string[]): Promise<CaseFact[]> => db.select().from(statsCaseFacts).where(inArray(statsCaseFacts.caseId, caseIds))
