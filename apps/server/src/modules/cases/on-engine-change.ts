import type { Engine, InstanceState } from '@hall/process-engine'
import { and, eq, inArray, ne } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, engineInstances, items, itemVersions, type CaseStatus } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { writeBack } from '../datacenter/write-back/write-back'

/** The case status an ended instance means: rejected and withdrawn are the applicant's words for them. */
function endedStatus(state: InstanceState): CaseStatus {
  if (state.status === 'completed') return 'completed'
  if (state.outcome === 'rejected') return 'rejected'
  if (state.outcome === 'withdrawn') return 'withdrawn'
  return 'terminated'
}

/**
 * Brings the case in line with its instance after an engine command, inside the command's
 * transaction: when the process has ended, the case gets its final status, outcome and completion
 * time, and an approved case's `x-collect` values are written back. The one place that reacts to a case ending.
 * Returns the instance's state for the caller's answer.
 */
export async function onEngineChange(tx: Db, engine: Engine, instanceId: string, now: Date): Promise<InstanceState> {
  const state = await engine.getInstance(instanceId)
  if (!state) throw new Error(`Expected instance ${instanceId} of a case to exist, but it is gone`)
  if (state.status === 'active') return state
  // A completed process's result is the last approval round's decision (agree / disagree).
  const outcome = state.status === 'completed' ? String(state.variables.lastOutcome ?? 'agree') : (state.outcome ?? null)
  const endedAt = state.endedAt ? new Date(state.endedAt) : now
  const [closed] = await tx.update(cases).set({ status: endedStatus(state), outcome, completedAt: endedAt, updatedAt: endedAt })
    .where(eq(cases.instanceId, instanceId))
    .returning()
  // An approved case feeds the data center (x-collect) in the same transaction: both or neither.
  if (closed && closed.status === 'completed' && outcome === 'agree') await collectCase(tx, closed, endedAt)
  return state
}

async function collectCase(tx: Db, closed: typeof cases.$inferSelect, at: Date): Promise<void> {
  const [version] = await tx
    .select({ form: itemVersions.form, itemCode: items.code })
    .from(itemVersions)
    .innerJoin(items, eq(items.id, itemVersions.itemId))
    .where(eq(itemVersions.id, closed.itemVersionId))
  if (!version) throw new Error(`Expected item version ${closed.itemVersionId} of case ${closed.id}, but it is gone`)
  await writeBack(tx, { unitId: closed.unitId, caseId: closed.id, itemKey: version.itemCode, schema: version.form, data: closed.data, subject: { userId: closed.applicantId }, at })
}

/**
 * Catches up cases whose process a job ended outside any request (超时默认同意 on the last step,
 * a timer end): each gets the same treatment as in `onEngineChange`, in its own transaction.
 * The job worker calls it after each batch that fired something. Returns how many it closed.
 */
export async function reconcileEndedCases(db: Db, engine: Engine, now: Date): Promise<number> {
  const ended = await db
    .select({ instanceId: engineInstances.id })
    .from(cases)
    .innerJoin(engineInstances, eq(engineInstances.id, cases.instanceId))
    .where(and(inArray(cases.status, ['running', 'supplement']), ne(engineInstances.status, 'active')))
  for (const { instanceId } of ended) await inTransaction(db, (tx) => onEngineChange(tx, engine, instanceId, now))
  return ended.length
}
