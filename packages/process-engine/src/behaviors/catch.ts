/**
 * Waiting for events: timers and messages on catch events, receive tasks, boundary events
 * and event-based gateways share one arm/trigger pair.
 */
import type { ElementDef, TimerDef } from '../definition/model'
import { JobType } from '../store/types'
import type { Run } from '../runtime/run'
import type { Token } from '../runtime/state'
import type { Calendar } from '../time/calendar'

/** Cycles without a count inside an instance stop after this many: a forgotten task must not remind forever. */
const INSTANCE_CYCLE_CAP = 1000

/** When a timer first fires, counted from `from`. */
export function timerDue(calendar: Calendar, timer: TimerDef, from: Date): Date {
  if (timer.kind === 'date') return new Date(timer.at)
  if (timer.kind === 'cycle' && timer.start) return new Date(timer.start)
  return calendar.deadline(from, timer.spec)
}

/** The occurrence of a cycle after the one due at `previous`. */
export function nextCycleDue(calendar: Calendar, timer: Extract<TimerDef, { kind: 'cycle' }>, previous: Date): Date {
  return calendar.deadline(previous, timer.spec)
}

/** Register the event that `catcher` waits for, on behalf of `token`. */
export async function arm(run: Run, token: Pick<Token, 'id'>, catcher: ElementDef): Promise<void> {
  const trigger = catcher.trigger
  if (trigger?.kind === 'timer') {
    const payload = trigger.timer.kind === 'cycle' ? { element: catcher.id, remaining: (trigger.timer.repeat ?? INSTANCE_CYCLE_CAP) - 1 } : { element: catcher.id }
    await run.addJob(JobType.timer, timerDue(run.calendar, trigger.timer, run.now), { tokenId: token.id }, payload)
  } else if (trigger?.kind === 'message') {
    run.state.subscriptions.push({ tokenId: token.id, message: trigger.name, element: catcher.id })
  }
}

/** Arm the timer and message boundary events of an activity the token now waits in. */
export async function armBoundaries(run: Run, token: Token, activity: ElementDef): Promise<void> {
  for (const id of activity.boundaries) await arm(run, token, run.element(id))
}

/** The awaited event happened: continue at `catcherId` for `token`. */
export async function trigger(run: Run, token: Token, catcherId: string): Promise<void> {
  const catcher = run.element(catcherId)
  const host = run.element(token.element)
  if (catcherId === host.id) {
    await run.release(token, 'event')
    run.leave(token)
  } else if (host.kind === 'eventBasedGateway') {
    await run.cancelToken(token, 'event-gateway')
    run.emit('activity.completed', { element: host.id })
    await run.enter(catcherId, { triggered: true, scope: token.scope })
  } else if (catcher.interrupting !== false) {
    await run.cancelToken(token, `interrupted by ${catcherId}`)
    await run.enter(catcherId, { triggered: true, scope: token.scope })
  } else {
    await run.enter(catcherId, { triggered: true, scope: token.scope })
  }
  await run.settle()
}
