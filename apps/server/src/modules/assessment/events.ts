import { and, eq, gte, inArray, isNotNull, lt, ne, notExists, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import {
  assessmentEntries,
  caseBreaches,
  caseNotices,
  cases,
  complaints,
  engineHistory,
  engineTasks,
  evaluations,
} from '../../db/schema'

/**
 * What the month's system events say about each person and window, read from history and the
 * rows other modules append (never from live state): overdue steps (`task.overdue` events),
 * one-time-notice breaches (`case_breaches`), desk cases that finished (their process's end event)
 * without an evaluation invitation notice, complaints the supervision office upheld, evaluations
 * of the cases each handled, and the supervision office's manual entries.
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
  // A desk case: the applicant stood at the counter, where the evaluator is (online applicants are
  // asked by the completion notification). Who accepted it there, or registered it, should ask.
  const uninvited = await db
    .select({
      id: engineHistory.id,
      at: engineHistory.at,
      userId: sql<string | null>`coalesce(${cases.acceptedBy}, ${cases.createdBy})`,
      deptId: cases.deptId,
      caseId: cases.id,
      caseNo: cases.caseNo,
    })
    .from(engineHistory)
    .innerJoin(cases, eq(cases.instanceId, engineHistory.instanceId))
    .where(
      and(
        inArray(engineHistory.type, ['process.completed', 'process.terminated']),
        eq(cases.unitId, unitId),
        eq(cases.intake, 'desk'),
        // The finished cases an applicant may rate (evaluateCase); withdrawn or returned ones not.
        inArray(cases.status, ['completed', 'rejected']),
        inRange(engineHistory.at),
        notExists(
          db
            .select({ one: sql`1` })
            .from(caseNotices)
            .where(and(eq(caseNotices.caseId, cases.id), eq(caseNotices.kind, 'evaluation'))),
        ),
      ),
    )
  const upheld = await db
    .select({
      id: complaints.id,
      at: complaints.decidedAt,
      userId: complaints.responsibleId,
      deptId: cases.deptId,
      caseId: cases.id,
      caseNo: cases.caseNo,
      note: complaints.decisionNote,
    })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .where(
      and(
        eq(complaints.unitId, unitId),
        eq(complaints.decision, 'upheld'),
        inRange(complaints.decidedAt),
      ),
    )
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
    uninvited,
    // Decided in the month, so decided at all.
    upheld: upheld.map((row) => ({ ...row, at: row.at! })),
    evaluations: rated.map((row) => ({
      ...row,
      handlers: handlers.filter((h) => h.instanceId === row.instanceId).map((h) => h.userId),
    })),
    entries,
  }
}

export type MonthEvents = Awaited<ReturnType<typeof monthEvents>>
