import type { Engine } from '@hall/process-engine'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { items, itemVersions, users } from '../../db/schema'
import type { Actor } from '../../http/context'
import { deadlineFlags, isoOrNull } from '../cases/deadlines'
import { timelineOf } from '../cases/timeline'
import { myTask } from './access'
import { offeredActions } from './offered'
import { permissionsOf, shapeForStep } from './step-form'

/**
 * The task page: the task with its marks, its case, the form in this step's permission mode,
 * the history with comments, and the actions the engine offers the viewer here.
 */
export async function taskDetail(db: Db, engine: Engine, actor: Actor, taskId: string, now: Date) {
  const { task, caseRow } = await myTask(db, actor, taskId)
  const [version] = await db
    .select({ form: itemVersions.form, definitionId: itemVersions.definitionId, itemName: items.name })
    .from(itemVersions)
    .innerJoin(items, eq(items.id, itemVersions.itemId))
    .where(eq(itemVersions.id, caseRow.itemVersionId))
  const [applicant] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, caseRow.applicantId))
  const state = await engine.getInstance(task.instanceId)
  const definition = await engine.definition(version!.definitionId)
  const offer = state ? offeredActions(task, state, definition, actor.userId) : { actions: [], returnTargets: [] }
  return {
    task: {
      id: task.id,
      step: task.element,
      name: task.name,
      status: task.status,
      assignee: task.assignee,
      candidates: task.candidates,
      owner: task.owner,
      signerFor: task.signerFor,
      createdAt: task.createdAt.toISOString(),
      due: isoOrNull(task.due),
      warnAt: isoOrNull(task.warnAt),
      completedAt: isoOrNull(task.completedAt),
      outcome: task.outcome,
      comment: task.comment,
      ...deadlineFlags(task.completedAt ?? now, task.due, task.completedAt ? null : task.warnAt),
    },
    case: {
      id: caseRow.id,
      caseNo: caseRow.caseNo,
      itemName: version!.itemName,
      applicantName: applicant?.name ?? '',
      status: caseRow.status,
      submittedAt: isoOrNull(caseRow.submittedAt),
      promiseDue: isoOrNull(caseRow.promiseDue),
    },
    form: shapeForStep(version!.form, caseRow.data, await permissionsOf(engine, taskId)),
    timeline: await timelineOf(db, task.instanceId),
    ...offer,
  }
}
