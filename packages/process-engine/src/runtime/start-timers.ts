/**
 * Process-level timer start events (定时发起). Their jobs belong to the definition, not to an
 * instance (`instanceId` null). Deploy schedules them; firing one starts an instance as
 * {@link SYSTEM_ACTOR} and, for a cycle, schedules the next occurrence with one repetition
 * fewer; deploying a newer version of the key withdraws the older version's jobs (as Camunda does).
 */
import { nextCycleDue, timerDue, type FixedTimer } from '../behaviors/catch'
import type { ProcessDefinition } from '../definition/model'
import { LeaseLost } from '../errors'
import { JobType, type DeployedDefinition, type JobRow, type StoreTx } from '../store/types'
import type { Calendar } from '../time/calendar'
import { startInstance } from './instances'
import type { Unit } from './run'

/** The initiator (and history actor) of instances started by a timer. */
export const SYSTEM_ACTOR = 'system'

/** The process-level start events with a timer, with their timers. */
export function timerStarts(def: ProcessDefinition): { element: string; timer: FixedTimer }[] {
  const starts: { element: string; timer: FixedTimer }[] = []
  for (const e of Object.values(def.elements)) {
    // Deploy refuses expression timers on start events: there are no variables yet.
    if (e.kind === 'startEvent' && !e.parent && e.trigger?.kind === 'timer' && e.trigger.timer.kind !== 'expression') starts.push({ element: e.id, timer: e.trigger.timer })
  }
  return starts
}

/** Deploy: withdraw the timer starts of the version being superseded, then schedule this version's. */
export async function replaceStartTimers(tx: StoreTx, calendar: Calendar, previous: DeployedDefinition | undefined, row: DeployedDefinition, def: ProcessDefinition, now: Date): Promise<void> {
  // Only the latest version of a key ever has timer starts, so withdrawing its predecessor's suffices.
  if (previous) await tx.deleteJobs({ definitionId: previous.id })
  for (const { element, timer } of timerStarts(def)) {
    // `remaining` counts the occurrences after this one; it is absent for a cycle without end.
    const remaining = timer.kind === 'cycle' ? (timer.repeat === undefined ? undefined : timer.repeat - 1) : 0
    await tx.insertJob(startJob(row.id, element, timerDue(calendar, timer, now), 1, remaining))
  }
}

/**
 * Fire a claimed timer-start job inside `unit`: the fenced deletion, the next occurrence and the
 * new instance commit together, so a second delivery finds no job and starts nothing.
 * Returns the new instance id, or undefined when the job no longer matches its definition.
 */
export async function fireStartTimer(unit: Unit, job: JobRow, owner: string): Promise<string | undefined> {
  if (!(await unit.tx.deleteJob(job.id, owner))) throw new LeaseLost(job.id, owner)
  const found = job.definitionId ? await unit.env.loadDefinition(unit.tx, { id: job.definitionId }) : undefined
  const element = String(job.payload.element ?? '')
  const start = found?.def.elements[element]
  if (!found || start?.kind !== 'startEvent' || start.parent || start.trigger?.kind !== 'timer') return undefined
  // A job of a superseded version (its deploy raced this job's previous firing) dies here instead of running on.
  if ((await unit.tx.latestDefinition(found.row.key))?.id !== found.row.id) return undefined
  const timer = start.trigger.timer
  const remaining = typeof job.payload.remaining === 'number' ? job.payload.remaining : undefined
  if (timer.kind === 'cycle' && (remaining === undefined || remaining > 0)) {
    // Counted from when this occurrence was due, not when a worker got to it: no drift.
    const next = nextCycleDue(unit.env.calendarFor(undefined), timer, new Date(job.dueAt))
    await unit.tx.insertJob(startJob(found.row.id, element, next, Number(job.payload.occurrence ?? 1) + 1, remaining === undefined ? undefined : remaining - 1))
  }
  const run = await startInstance(unit, { row: found.row, def: found.def, startId: element, initiator: SYSTEM_ACTOR, variables: {}, reason: 'timer' })
  return run.state.id
}

function startJob(definitionId: string, element: string, dueAt: Date, occurrence: number, remaining: number | undefined): JobRow {
  return {
    // Deterministic: one row per occurrence, whoever schedules it.
    id: `${definitionId}.start.${element}.${occurrence}`,
    instanceId: null,
    definitionId,
    type: JobType.timer,
    dueAt: dueAt.toISOString(),
    taskId: null,
    tokenId: null,
    payload: { element, occurrence, ...(remaining === undefined ? {} : { remaining }) },
    lockOwner: null,
    lockExpiresAt: null,
  }
}
