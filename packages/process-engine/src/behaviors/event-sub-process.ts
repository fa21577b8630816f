/**
 * Event sub-processes: while their scope (the process, or an embedded sub-process) runs,
 * their timer or message start is armed. Interrupting ones cancel the rest of the scope;
 * non-interrupting ones run beside it (a message one can start again).
 */
import type { Run } from '../runtime/run'
import { arm } from './catch'

/** Owner id of process-level event sub-process waits (there is no token for the process itself). */
export const rootOwner = (run: Run): string => `${run.state.id}.root`

export function isEventStart(run: Run, elementId: string): boolean {
  const el = run.def.elements[elementId]
  return el?.kind === 'startEvent' && !!el.parent && run.element(el.parent).triggeredByEvent === true
}

/** Arm the event sub-processes directly inside `scopeElement` (undefined = process level). */
export async function armEventSubProcesses(run: Run, scopeElement: string | undefined, ownerId: string): Promise<void> {
  for (const es of Object.values(run.def.elements)) {
    if (es.triggeredByEvent && es.parent === scopeElement) await arm(run, { id: ownerId }, run.element(es.start!))
  }
}

/** Withdraw the event sub-process waits of `ownerId` (boundary waits of the same token stay). */
export async function disarmEventSubProcesses(run: Run, ownerId: string): Promise<void> {
  for (const job of await run.tx.findJobs({ instanceId: run.state.id })) {
    if (job.tokenId === ownerId && isEventStart(run, String(job.payload.element ?? ''))) await run.tx.deleteJob(job.id)
  }
  run.state.subscriptions = run.state.subscriptions.filter((s) => s.tokenId !== ownerId || !isEventStart(run, s.element))
}

/** The start event `startId` of an event sub-process fired for `ownerId`. */
export async function startEventSubProcess(run: Run, ownerId: string, startId: string): Promise<void> {
  const start = run.element(startId)
  const es = run.element(start.parent!)
  const scope = ownerId === rootOwner(run) ? undefined : ownerId
  if (scope !== undefined && !run.token(scope)) return
  if (start.interrupting !== false) {
    await disarmEventSubProcesses(run, ownerId)
    for (const token of run.state.tokens.filter((t) => t.scope === scope)) await run.cancelToken(token, `interrupted by ${es.id}`)
  }
  run.spawn(es.id, scope === undefined ? {} : { scope })
  await run.settle()
}
