import { and, arrayContains, eq, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, engineHistory, engineTasks, type Role } from '../../db/schema'
import type { Actor } from '../../http/context'
import { forbidden, notFound } from '../../http/errors'
import { holdsRole } from '../org/access'

export type CaseRow = typeof cases.$inferSelect

/** Unit-wide overseers of cases: the unit's admins and the hall's admins. */
const CASE_OVERSEERS = ['unit_admin', 'hall_admin'] as const satisfies readonly Role[]
const WINDOW_STAFF = ['window_staff'] as const satisfies readonly Role[]

/**
 * Whether the actor took part in the case's process: assignee, candidate, delegating owner or
 * completer of one of its tasks, or someone it was copied (抄送) to.
 */
export async function tookPart(db: Db, userId: string, instanceId: string): Promise<boolean> {
  const [task] = await db
    .select({ id: engineTasks.id })
    .from(engineTasks)
    .where(
      and(
        eq(engineTasks.instanceId, instanceId),
        or(eq(engineTasks.assignee, userId), eq(engineTasks.owner, userId), eq(engineTasks.completedBy, userId), arrayContains(engineTasks.candidates, [userId])),
      ),
    )
    .limit(1)
  if (task) return true
  const [cc] = await db
    .select({ id: engineHistory.id })
    .from(engineHistory)
    .where(and(eq(engineHistory.instanceId, instanceId), eq(engineHistory.type, 'process.cc'), sql`${engineHistory.data} @> ${JSON.stringify({ users: [userId] })}::jsonb`))
    .limit(1)
  return cc !== undefined
}

/**
 * The one rule for who sees a case (issue 6 "Authorization"): the applicant always; once submitted
 * also the staff of the item's window, whoever took part in its process, and the unit's admins.
 * A draft is its applicant's and (desk intake) the registering clerk's alone.
 */
export async function maySee(db: Db, actor: Actor, row: CaseRow): Promise<boolean> {
  if (row.applicantId === actor.userId || row.createdBy === actor.userId) return true
  if (row.status === 'draft') return false
  if (await holdsRole(db, actor, CASE_OVERSEERS, row.unitId, row.deptId)) return true
  if (await holdsRole(db, actor, WINDOW_STAFF, row.unitId, row.deptId)) return true
  return row.instanceId !== null && tookPart(db, actor.userId, row.instanceId)
}

/** Whether the actor may see the case (the files module asks this for case attachments). */
export async function canSeeCase(db: Db, actor: Actor, caseId: string): Promise<boolean> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId))
  return row !== undefined && maySee(db, actor, row)
}

/** The case if the actor may see it; otherwise 404, whether it exists or not. */
export async function visibleCase(db: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const [row] = await db.select().from(cases).where(eq(cases.id, caseId))
  if (!row || !(await maySee(db, actor, row))) throw notFound('办件', caseId)
  return row
}

/** The actor's own case (autosave, withdraw, evaluate, complain): 404 if unseen, 403 if seen but someone else's. */
export async function ownCase(db: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await visibleCase(db, actor, caseId)
  if (row.applicantId !== actor.userId) throw forbidden('只有申请人本人可以这样做')
  return row
}

/** A draft its applicant, or the clerk who registered it at the desk, may fill in and submit. */
export async function draftCase(db: Db, actor: Actor, caseId: string): Promise<CaseRow> {
  const row = await visibleCase(db, actor, caseId)
  if (row.applicantId !== actor.userId && row.createdBy !== actor.userId) throw forbidden('只有申请人或登记窗口可以修改草稿')
  return row
}
