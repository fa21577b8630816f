import type { BeforeCommit, Engine, InstanceState } from '@hall/process-engine'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, items, itemVersions, type CaseStatus } from '../../db/schema'
import { inEngineUnit } from '../../engine/drizzle-store'
import { writeBack } from '../datacenter/write-back/write-back'

/** The case status an ended instance means: rejected and withdrawn are the applicant's words for them. */
function endedStatus(state: InstanceState): CaseStatus {
  if (state.status === 'completed') return 'completed'
  if (state.outcome === 'rejected') return 'rejected'
  if (state.outcome === 'withdrawn') return 'withdrawn'
  return 'terminated'
}

/** The history events after which an instance has ended. */
const ENDED = new Set(['process.completed', 'process.terminated'])

/**
 * The server engine's `beforeCommit` hook: every case whose process ended in the engine's unit of
 * work (a command, or a job such as 超时默认同意 on the last step or a timer) is closed and written
 * back inside that same transaction, so a failing write-back undoes the command or puts the job
 * back for a retry, and no case is ever left running behind an ended process.
 */
export function closeEndedCases(db: Db): BeforeCommit {
  return async (events, storeTx) => {
    const ended = [...new Set(events.filter((event) => ENDED.has(event.type)).map((event) => event.instanceId))]
    if (!ended.length) return
    const states = await storeTx.loadInstances(ended)
    await inEngineUnit(db, async (tx) => {
      for (const { state } of states.values()) await closeCase(tx, state, new Date(state.endedAt ?? events.at(-1)!.at))
    })
  }
}

/**
 * Closes the case of an instance that has ended, if it is still open. The hook does it for every
 * engine command; a caller calls this after `engine.start`, whose case row learns its instance id
 * only after the start (a process that ends at once). Returns the instance's state.
 */
export async function onEngineChange(tx: Db, engine: Engine, instanceId: string, now: Date): Promise<InstanceState> {
  const state = await engine.getInstance(instanceId)
  if (!state) throw new Error(`Expected instance ${instanceId} of a case to exist, but it is gone`)
  if (state.status !== 'active') await closeCase(tx, state, state.endedAt ? new Date(state.endedAt) : now)
  return state
}

/** Final status, outcome and completion time on a still-open case; an approved case's `x-collect` values written back. */
async function closeCase(tx: Db, state: InstanceState, endedAt: Date): Promise<void> {
  // A completed process's result is the last approval round's decision (agree / disagree).
  const outcome = state.status === 'completed' ? String(state.variables.lastOutcome ?? 'agree') : (state.outcome ?? null)
  const [closed] = await tx.update(cases).set({ status: endedStatus(state), outcome, completedAt: endedAt, updatedAt: endedAt })
    .where(and(eq(cases.instanceId, state.id), inArray(cases.status, ['running', 'supplement'])))
    .returning()
  // An approved case feeds the data center (x-collect) in the same transaction: both or neither.
  if (closed && closed.status === 'completed' && outcome === 'agree') await collectCase(tx, closed, endedAt)
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
