import { and, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, statsCaseFacts, statsWatermarks, statsWorkingDays } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { ensureWorkingDays, factsOf, insertFacts, lastDayOf, rowsOf } from './facts'
import { monthRange } from './monthly-report'
import { daysOf, rollupDays, type DayKey } from './rollup'

const WATERMARK = 'main'
/**
 * Timestamps are re-read this far back: a transaction that commits late may carry an earlier
 * time than the watermark. Re-reading is harmless because facts are recomputed, not added.
 */
const OVERLAP_MS = 10 * 60_000
const BATCH = 1_000
/** Two workers refreshing at once would race on the same days; this lock makes them take turns. */
const lock = (db: Db) => db.execute(sql`select pg_advisory_xact_lock(hashtext('hall.stats'))`)

type Marks = { historyId: number; changedAt: Date }

async function currentMarks(db: Db): Promise<Marks> {
  const rows = await db.execute(sql`select
      (select coalesce(max(id), 0) from engine_history)::float8 as history_id,
      (extract(epoch from greatest(
        (select max(updated_at) from cases), (select max(created_at) from evaluations), (select max(created_at) from case_notices)
      )) * 1000)::float8 as changed_ms`)
  const row = rowsOf<{ history_id: number; changed_ms: number | null }>(rows)[0]!
  return { historyId: Number(row.history_id), changedAt: new Date(Number(row.changed_ms ?? 0)) }
}

async function saveMarks(db: Db, marks: Marks): Promise<void> {
  await db.insert(statsWatermarks).values({ id: WATERMARK, ...marks }).onConflictDoUpdate({ target: statsWatermarks.id, set: marks })
}

/** Cases touched since the marks: a new history event of their instance, a row update, a rating, a notice. */
async function changedCases(db: Db, since: Marks, upTo: Marks): Promise<string[]> {
  const from = sql`${new Date(since.changedAt.getTime() - OVERLAP_MS).toISOString()}::timestamptz`
  const rows = await db.execute(sql`
    select c.id from cases c join engine_history h on h.instance_id = c.instance_id where h.id > ${since.historyId} and h.id <= ${upTo.historyId}
    union select id from cases where updated_at > ${from}
    union select case_id from evaluations where created_at > ${from}
    union select case_id from case_notices where created_at > ${from}`)
  return rowsOf<{ id: string }>(rows).map((row) => row.id)
}

/** Replaces the facts of `caseIds` and recomputes every day their old or new facts touch. */
async function refreshCases(tx: Db, caseIds: string[]): Promise<void> {
  const keys: DayKey[] = []
  for (let i = 0; i < caseIds.length; i += BATCH) {
    const ids = caseIds.slice(i, i + BATCH)
    const old = await factsOf(tx, ids)
    const last = await lastDayOf(tx, inArray(cases.id, ids))
    if (last) await ensureWorkingDays(tx, last)
    await tx.delete(statsCaseFacts).where(inArray(statsCaseFacts.caseId, ids))
    await insertFacts(tx, inArray(cases.id, ids))
    keys.push(...old.flatMap(daysOf), ...(await factsOf(tx, ids)).flatMap(daysOf))
  }
  await rollupDays(tx, keys)
}

/**
 * The worker's step: brings facts and rollup up to date with what happened since the last run,
 * in one transaction. Returns how many cases it recomputed. A database whose statistics predate
 * the working-day table (so also the histogram, monthly and backlog rollups) is rebuilt instead.
 */
export async function refreshStats(db: Db): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lock(tx)
    if (!(await tx.select({ day: statsWorkingDays.day }).from(statsWorkingDays).limit(1)).length) return rebuildIn(tx)
    const [saved] = await tx.select().from(statsWatermarks).where(eq(statsWatermarks.id, WATERMARK))
    const upTo = await currentMarks(tx)
    const ids = await changedCases(tx, saved ?? { historyId: 0, changedAt: new Date(0) }, upTo)
    await refreshCases(tx, ids)
    await saveMarks(tx, upTo)
    return ids.length
  })
}

/** The `YYYY-MM` months from the first submitted case's to the last, in Beijing time. */
async function submittedMonths(db: Db): Promise<string[]> {
  const [row] = rowsOf<{ first: string | null; last: string | null }>(
    await db.execute(sql`select to_char(min(${cases.submittedAt}) at time zone 'UTC' + interval '8 hours', 'YYYY-MM') as first,
                                to_char(max(${cases.submittedAt}) at time zone 'UTC' + interval '8 hours', 'YYYY-MM') as last from ${cases}`),
  )
  const months: string[] = []
  if (!row?.first || !row.last) return months
  for (let month = row.first; month <= row.last; ) {
    months.push(month)
    const [year, mon] = month.split('-').map(Number) as [number, number]
    month = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`
  }
  return months
}

/**
 * `hall stats rebuild`: drops every fact and rollup row and recomputes them from the sources, set
 * based: one insert–select of facts per month of submission, then each rollup in one statement.
 * Returns how many cases it counted; `onProgress` hears the count after each month.
 */
export async function rebuildStats(db: Db, onProgress?: (cases: number, month: string) => void): Promise<number> {
  return inTransaction(db, async (tx) => {
    await lock(tx)
    return rebuildIn(tx, onProgress)
  })
}

async function rebuildIn(tx: Db, onProgress?: (cases: number, month: string) => void): Promise<number> {
  const upTo = await currentMarks(tx)
  await tx.delete(statsCaseFacts)
  await ensureWorkingDays(tx, (await lastDayOf(tx, undefined)) ?? '2000-01-01', true)
  let counted = 0
  for (const month of await submittedMonths(tx)) {
    const { start, end } = monthRange(month)
    counted += await insertFacts(tx, and(isNotNull(cases.submittedAt), gte(cases.submittedAt, start), lt(cases.submittedAt, end))!)
    onProgress?.(counted, month)
  }
  await rollupDays(tx, null)
  await saveMarks(tx, upTo)
  return counted
}
