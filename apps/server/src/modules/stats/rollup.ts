import { sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { statsCaseFacts, statsDaily } from '../../db/schema'
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

/** Rows per multi-row insert: 15 columns each stays far below PostgreSQL's 65,535 parameters. */
const INSERT_ROWS = 1_000

export async function insertFacts(db: Db, facts: CaseFact[]): Promise<void> {
  for (let i = 0; i < facts.length; i += INSERT_ROWS) await db.insert(statsCaseFacts).values(facts.slice(i, i + INSERT_ROWS))
}

/**
 * Recomputes the daily rollup of the given days from the facts (all days when `keys` is null):
 * delete, then one insert–select that adds each case to its received, ended and overdue day.
 * Recomputing whole days from facts, rather than adding deltas, is what makes a refresh idempotent.
 */
export async function rollupDays(db: Db, keys: DayKey[] | null): Promise<void> {
  if (keys && !keys.length) return
  const unique = keys && [...new Map(keys.map((k) => [`${k.unitId}|${k.day}`, k])).values()]
  const list = unique && sql.join(unique.map((k) => sql`(${k.unitId}, ${k.day}::date)`), sql`, `)
  const on = (day: string): SQL => (list ? sql`(unit_id, ${sql.raw(day)}) in (${list})` : sql`${sql.raw(day)} is not null`)
  if (list) await db.execute(sql`delete from ${statsDaily} where (unit_id, day) in (${list})`)
  else await db.execute(sql`delete from ${statsDaily}`)
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
}
