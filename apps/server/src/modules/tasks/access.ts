import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, engineTasks } from '../../db/schema'
import type { Actor } from '../../http/context'
import { notFound } from '../../http/errors'
import { maySee, type CaseRow } from '../cases/access'

export type TaskRecord = typeof engineTasks.$inferSelect

/** Whether the task is (or was) the actor's: assignee, candidate, delegating owner or completer. */
export const isMine = (task: TaskRecord, userId: string) =>
  task.assignee === userId || task.owner === userId || task.completedBy === userId || (task.assignee === null && task.candidates.includes(userId))

export interface TaskWithCase {
  task: TaskRecord
  caseRow: CaseRow
}

async function load(db: Db, taskId: string): Promise<TaskWithCase | undefined> {
  const [row] = await db.select({ task: engineTasks, caseRow: cases }).from(engineTasks).innerJoin(cases, eq(cases.instanceId, engineTasks.instanceId)).where(eq(engineTasks.id, taskId))
  return row
}

/** A task of a case that is (or was) the actor's; anyone else's is a 404. */
export async function myTask(db: Db, actor: Actor, taskId: string): Promise<TaskWithCase> {
  const found = await load(db, taskId)
  if (!found || !isMine(found.task, actor.userId)) throw notFound('任务', taskId)
  return found
}

/** A task of a case the actor may see (to urge it); otherwise 404. */
export async function visibleTask(db: Db, actor: Actor, taskId: string): Promise<TaskWithCase> {
  const found = await load(db, taskId)
  if (!found || !(isMine(found.task, actor.userId) || (await maySee(db, actor, found.caseRow)))) throw notFound('任务', taskId)
  return found
}
