import { createCalendar, type Calendar } from '@hall/process-engine'
import { inArray, isNotNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import type { CASE_RESULTS, statsCaseFacts } from '../../db/schema'
import { cases } from '../../db/schema'

export type CaseFact = typeof statsCaseFacts.$inferInsert
type CaseResult = (typeof CASE_RESULTS)[number]

/** The calendar the engine counts promised limits with; handling time is measured on the same one. */
const calendar: Calendar = createCalendar()
/** Office time of one working day (08:30–12:00 and 14:30–18:00): a Tuesday measured whole. */
const WORKING_DAY_MS = calendar.workingMsBetween(new Date('2026-12-01T00:00:00+08:00'), new Date('2026-12-02T00:00:00+08:00'))

const BEIJING_MS = 8 * 3_600_000
/** The Beijing calendar day of an instant, `YYYY-MM-DD`. */
export const beijingDay = (ms: number) => new Date(ms + BEIJING_MS).toISOString().slice(0, 10)

const epochMs = (column: ReturnType<typeof sql>) => sql<number | null>`(extract(epoch from ${column}) * 1000)::float8`.mapWith((v) => (v === null ? null : Number(v)))

/**
 * What history says about each case, read in one query: the first step's completer, the working
 * time its clock stood suspended (补正), when it went overdue, whether a supplement notice went
 * out, and its rating.
 */
// Written out qualified: drizzle leaves a single table's columns bare, and inside these subqueries a
// bare "id" or "instance_id" would name the subquery's own column.
const outer = { id: sql.raw('"cases"."id"'), instanceId: sql.raw('"cases"."instance_id"') }

function factsQuery(db: Db) {
  return db
    .select({
      id: cases.id,
      unitId: cases.unitId,
      deptId: cases.deptId,
      itemId: cases.itemId,
      intake: cases.intake,
      status: cases.status,
      acceptedBy: cases.acceptedBy,
      submittedMs: epochMs(sql`${cases.submittedAt}`),
      completedMs: epochMs(sql`${cases.completedAt}`),
      promiseDueMs: epochMs(sql`${cases.promiseDue}`),
      firstCompleter: sql<string | null>`(select h.actor from engine_history h where h.instance_id = ${outer.instanceId} and h.type in ('task.completed', 'task.rejected') order by h.id limit 1)`,
      suspendedMs: sql<number>`(select coalesce(sum((h.data->>'suspendedWorkingMs')::float8), 0) from engine_history h where h.instance_id = ${outer.instanceId} and h.type = 'clock.resumed')`.mapWith(Number),
      overdueMs: epochMs(sql`(select min(h.at) from engine_history h where h.instance_id = ${outer.instanceId} and h.type = 'process.overdue')`),
      supplemented: sql<boolean>`exists (select 1 from case_notices n where n.case_id = ${outer.id} and n.kind = 'supplement')`,
      rating: sql<string | null>`(select e.rating from evaluations e where e.case_id = ${outer.id})`,
    })
    .from(cases)
}
type FactSource = Awaited<ReturnType<ReturnType<typeof factsQuery>['where']>>[number]

const ENDED: Partial<Record<string, CaseResult>> = { completed: 'completed', rejected: 'rejected', returned: 'returned', withdrawn: 'withdrawn', terminated: 'terminated' }

/** Office time from submission to result minus the suspended time, in working days (2 decimals). */
export function handlingWorkingDays(submittedMs: number, endedMs: number, suspendedMs: number): number {
  const ms = Math.max(0, calendar.workingMsBetween(new Date(submittedMs), new Date(endedMs)) - suspendedMs)
  return Math.round((ms / WORKING_DAY_MS) * 100) / 100
}

/** The fact row of one case; on time = decided (办结) no later than its promise, never flagged overdue. */
export function toFact(row: FactSource): CaseFact | null {
  if (row.submittedMs === null) return null
  const result = ENDED[row.status] ?? null
  const endedMs = result ? (row.completedMs ?? row.submittedMs) : null
  const decided = result === 'completed' || result === 'rejected'
  const late = row.overdueMs !== null || (endedMs !== null && row.promiseDueMs !== null && endedMs > row.promiseDueMs)
  return {
    caseId: row.id,
    unitId: row.unitId,
    deptId: row.deptId,
    itemId: row.itemId,
    handlerId: row.acceptedBy ?? row.firstCompleter ?? '',
    online: row.intake === 'online' ? 1 : 0,
    receivedDay: beijingDay(row.submittedMs),
    endedDay: endedMs === null ? null : beijingDay(endedMs),
    result,
    overdueDay: row.overdueMs === null ? null : beijingDay(row.overdueMs),
    onTime: decided && !late ? 1 : 0,
    supplemented: row.supplemented ? 1 : 0,
    satisfied: row.rating === null ? null : row.rating === 'unsatisfied' ? 0 : 1,
    handlingWd: decided && endedMs !== null ? handlingWorkingDays(row.submittedMs, endedMs, row.suspendedMs) : null,
  }
}

/** Facts of the named cases (drafts have none). */
export async function factsOf(db: Db, caseIds: string[]): Promise<CaseFact[]> {
  if (!caseIds.length) return []
  const rows = await factsQuery(db).where(inArray(cases.id, caseIds))
  return rows.flatMap((row) => toFact(row) ?? [])
}

/** Facts of every submitted case, a page at a time in id order (the rebuild's scan). */
export async function factsPage(db: Db, afterId: string, limit: number): Promise<{ facts: CaseFact[]; lastId: string | null }> {
  const rows = await factsQuery(db)
    .where(sql`${isNotNull(cases.submittedAt)} and ${cases.id} > ${afterId}`)
    .orderBy(cases.id)
    .limit(limit)
  return { facts: rows.flatMap((row) => toFact(row) ?? []), lastId: rows.at(-1)?.id ?? null }
}
