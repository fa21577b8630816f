/** Creating instances: by `Engine.start` and by call activities. */
import type { ProcessDefinition } from '../definition/model'
import type { DeployedDefinition } from '../store/types'
import { JobType } from '../store/types'
import { armEventSubProcesses, rootOwner } from '../behaviors/event-sub-process'
import { Run, type Unit } from './run'
import { InstanceStatus, type InstanceState } from './state'

export interface NewInstance {
  row: DeployedDefinition
  def: ProcessDefinition
  startId: string
  initiator: string
  variables: Record<string, unknown>
  unit?: string
  businessKey?: string
  parent?: InstanceState['parent']
  /** Why the instance started when nobody started it by hand (`timer`): on `process.started` as `data.reason`. */
  reason?: string
}

/** Create the instance, run it from `startId` to its first waits; `unit` inserts it on flush. */
export async function startInstance(unit: Unit, spec: NewInstance): Promise<Run> {
  const id = unit.env.newId()
  const state: InstanceState = {
    id, definitionId: spec.row.id, definitionKey: spec.row.key, status: InstanceStatus.active, initiator: spec.initiator,
    startedAt: unit.now.toISOString(), variables: structuredClone(spec.variables), tokens: [], subscriptions: [],
    completions: [], clock: { extendedDays: 0 }, incidents: [], seq: 0,
    ...(spec.businessKey ? { businessKey: spec.businessKey } : {}),
    ...(spec.unit ? { unit: spec.unit } : {}),
    ...(spec.parent ? { parent: spec.parent } : {}),
  }
  // Version 0: the unit inserts the row once, when the command ends (one write, not insert + save).
  const run = new Run(unit, spec.def, state)
  unit.add(run, 0)
  const data = { ...(spec.parent ? { parent: spec.parent.instanceId } : {}), ...(spec.reason ? { reason: spec.reason } : {}) }
  run.emit('process.started', { actor: spec.initiator, element: spec.startId, ...(spec.parent || spec.reason ? { data } : {}) })
  if (spec.def.promise) {
    const due = run.calendar.deadline(unit.now, spec.def.promise)
    state.clock.due = due.toISOString()
    await run.addJob(JobType.processDue, due, {})
  }
  await armEventSubProcesses(run, undefined, rootOwner(run))
  await run.enter(spec.startId)
  return run
}
