import type { Engine } from '@hall/process-engine'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, itemVersions, users } from '../../db/schema'
import { badInput, conflict } from '../../http/errors'
import { audit } from '../audit/record'
import { attachMaterials } from '../cases/attach-materials'
import { withEngine } from '../cases/engine'
import { validFormData } from '../cases/form'
import type { Caller } from '../cases/service'
import { myTask, visibleTask, type TaskWithCase } from './access'
import { permissionsOf } from './step-form'

export interface TaskCommand {
  /** Audit verb after `task.`, e.g. `agreed`. */
  verb: string
  /** Form edits at this step: checked against the step's editable fields, merged into the case. */
  edits?: Record<string, unknown> | undefined
  /** Who may ask: the task's holder (default) or anyone who sees the case (urge). */
  who?: 'holder' | 'viewer'
  detail?: Record<string, unknown>
  run(engine: Engine, context: TaskWithCase & { tx: Db }, data: Record<string, unknown> | undefined): Promise<unknown>
}

/**
 * Runs one engine command on a task in one transaction with everything it implies: the step's
 * form edits validated and merged into the case, the case closed if the process ended, the audit
 * record. A refusal anywhere changes nothing.
 */
export async function onTask({ deps, actor, meta }: Caller, taskId: string, command: TaskCommand): Promise<{ caseId: string; caseStatus: string }> {
  return withEngine(deps, async (tx, engine) => {
    const context = command.who === 'viewer' ? await visibleTask(tx, actor, taskId) : await myTask(tx, actor, taskId)
    const { task, caseRow } = context
    if (task.status !== 'open' && task.status !== 'waiting') throw conflict('TASK_NOT_OPEN', '这项任务已经办理完毕')
    const now = deps.now()
    let data: Record<string, unknown> | undefined
    if (command.edits && Object.keys(command.edits).length) {
      const [version] = await tx.select({ form: itemVersions.form }).from(itemVersions).where(eq(itemVersions.id, caseRow.itemVersionId))
      data = await validFormData(tx, { unitId: caseRow.unitId, schema: version!.form, data: command.edits, permissions: await permissionsOf(engine, taskId), current: caseRow.data, now })
      // Files a step adds are its handler's uploads, checked against their fields like the applicant's.
      await attachMaterials(deps, tx, { caseId: caseRow.id, unitId: caseRow.unitId, uploaders: [actor.userId], schema: version!.form, data })
    }
    // The edits land before the command: a command that ends the process writes back the case's final data.
    if (data) await tx.update(cases).set({ data, updatedAt: now }).where(eq(cases.id, caseRow.id))
    await command.run(engine, { ...context, tx }, data)
    await audit(tx, { actor, meta }, { action: `task.${command.verb}`, objectType: 'task', objectId: taskId, detail: { caseId: caseRow.id, ...command.detail } })
    const [after] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseRow.id))
    return { caseId: caseRow.id, caseStatus: after!.status }
  })
}

/** Users named as new handlers, signers or CC recipients must be active members of the actor's unit. */
export async function assertColleagues(db: Db, unitId: string, ids: readonly string[], field: string): Promise<void> {
  const found = await db.select({ id: users.id }).from(users).where(and(inArray(users.id, [...ids]), eq(users.unitId, unitId), eq(users.status, 'active')))
  const known = new Set(found.map((row) => row.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length) throw badInput({ [field]: `本单位没有这些在岗用户：${missing.join('、')}` })
}
