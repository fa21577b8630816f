import { and, eq, gte, inArray, isNotNull, lt, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  assessmentEntries,
  caseBreaches,
  cases,
  engineHistory,
  engineTasks,
  evaluations,
} from '../../db/schema'

/**
 * What the month's system events say about each person and window, read from history and the
 * rows other modules append (never from live state): overdue steps (`task.overdue` events),
 * one-time-notice breaches (`case_breaches`), evaluations of the cases each handled, and the
 * supervision office's manual entries.
 */
export async function monthEvents(
  db: Db,
  unitId: string,
  month: string,
  range: { start: Date; end: Date },
) {
  const inRange = (column: Parameters<typeof gte>[0]) =>
    and(gte(column, range.start), lt(column, range.end))
  const overdue = await db
    .select({
      id: engineHistory.id,
      at: engineHistory.at,
      taskId: engineHistory.taskId,
      data: engineHistory.data,
      caseId: cases.id,
      caseNo: cases.caseNo,
      deptId: cases.deptId,
    })
    .from(engineHistory)
    .innerJoin(cases, eq(cases.instanceId, engineHistory.instanceId))
    .where(
      and(
        eq(engineHistory.type, 'task.overdue'),
        eq(cases.unitId, unitId),
        inRange(engineHistory.at),
      ),
    )
  const breaches = await db
    .select({
      id: caseBreaches.id,
      at: caseBreaches.createdAt,
      userId: caseBreaches.userId,
      deptId: caseBreaches.deptId,
      caseId: caseBreaches.caseId,
      caseNo: cases.caseNo,
    })
    .from(caseBreaches)
    .innerJoin(cases, eq(cases.id, caseBreaches.caseId))
    .where(and(eq(caseBreaches.unitId, unitId), inRange(caseBreaches.createdAt)))
  const rated = await db
    .select({
      id: evaluations.id,
      at: evaluations.createdAt,
      rating: evaluations.rating,
      caseId: evaluations.caseId,
      deptId: evaluations.deptId,
      instanceId: cases.instanceId,
    })
    .from(evaluations)
    .innerJoin(cases, eq(cases.id, evaluations.caseId))
    .where(and(eq(evaluations.unitId, unitId), inRange(evaluations.createdAt)))
  const instanceIds = rated.map((r) => r.instanceId).filter((id): id is string => id !== null)
  // An evaluation counts for everyone who completed a step of the case (not the system's timeouts).
  const handlers = instanceIds.length
    ? await db
        .selectDistinct({
          instanceId: engineTasks.instanceId,
          userId: sql<string>`${engineTasks.completedBy}`,
        })
        .from(engineTasks)
        .where(
          and(
            inArray(engineTasks.instanceId, instanceIds),
            isNotNull(engineTasks.completedBy),
            ne(engineTasks.completedBy, 'system'),
          ),
        )
    : []
  const entries = await db
    .select()
    .from(assessmentEntries)
    .where(and(eq(assessmentEntries.unitId, unitId), eq(assessmentEntries.month, month)))
  return {
    overdue: overdue.map((row) => ({
      ...row,
      assignees:
        ((row.data as { assignees?: unknown } | null)?.assignees as string[] | undefined) ?? [],
    })),
    breaches,
    evaluations: rated.map((row) => ({
      ...row,
      handlers: handlers.filter((h) => h.instanceId === row.instanceId).map((h) => h.userId),
    })),
    entries,
  }
}

export type MonthEvents = Awaited<ReturnType<typeof monthEvents>>
