import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { caseCounters } from '../../db/schema'

/** Case numbers follow the hall's local day (Beijing time), not UTC: a case at 07:00 belongs to today. */
const HALL_UTC_OFFSET_MS = 8 * 3600_000

/** `20261201` for an instant, in the hall's local calendar. */
export function localDay(at: Date): string {
  return new Date(at.getTime() + HALL_UTC_OFFSET_MS).toISOString().slice(0, 10).replaceAll('-', '')
}

/**
 * The next case number of a unit for the day of `at`: `2026120100012` (date + five-digit daily
 * sequence). The counter row is upserted and returned in one statement, so two submits at once
 * never get the same number; a rolled-back submit leaves a gap, which is allowed.
 */
export async function nextCaseNumber(tx: Db, unitId: string, at: Date): Promise<string> {
  const day = localDay(at)
  const [row] = await tx
    .insert(caseCounters)
    .values({ unitId, day, last: 1 })
    .onConflictDoUpdate({ target: [caseCounters.unitId, caseCounters.day], set: { last: sql`${caseCounters.last} + 1` } })
    .returning({ last: caseCounters.last })
  return `${day}${String(row!.last).padStart(5, '0')}`
}
