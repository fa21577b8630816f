/**
 * Waiting for events: timers and messages on catch events, receive tasks, boundary events
 * and event-based gateways share one arm/trigger pair.
 */
import type { ElementDef, TimerDef } from '../definition/model'
import { JobType } from '../store/types'
import type { Run } from '../runtime/run'
import type { Token } from '../runtime/state'
import type { Calendar } from '../time/calendar'
import { parseDeadline, parseInstant } from '../time/duration'

/** Cycles without a count inside an instance stop after this many: a forgotten task must not remind forever. */
const INSTANCE_CYCLE_CAP = 1000

/** A fixed timer: an expression timer once read against the variables it sees. */
export type FixedTimer = Exclude<TimerDef, { kind: 'expression' }>

/** The timer an expression names now, or why it names none ("Expected X, but Y" for the incident). */
export function fixTimer(timer: TimerDef, variables: Record<string, unknown>): FixedTimer | { error: string } {
  if (timer.kind !== 'expression') return timer
  const source = `'=${timer.expression.source}'`
  const result = timer.expression.evaluate(variables)
  if ('error' in result) return { error: `Expected timer ${source} to evaluate, but it failed: ${result.error}` }
  const text = typeof result.value === 'string' ? result.value.trim() : undefined
  if (timer.of === 'date') {
    const at = text ? parseInstant(text) : undefined
    return at ? { kind: 'date', at } : { error: `Expected timer ${source} to give an ISO date-time with offset, but got ${JSON.stringify(result.value)}` }
  }
  const spec = text ? parseDeadline(text) : undefined
  return spec ? { kind: 'duration', spec } : { error: `Expected timer ${source} to give a duration like PT2H or 3wd, but got ${JSON.stringify(result.value)}` }
}

/** When a timer first fires, counted from `from`. */
export function timerDue(calendar: Calendar, timer: FixedTimer, from: Date): Date {
  if (timer.kind === 'date') return new Date(timer.at)
  if (timer.kind === 'cycle' && timer.start) return new Date(timer.start)
  return calendar.deadline(from, timer.spec)
}

/** The occurrence of a cycle after the one due at `previous`. */
export function nextCycleDue(calendar: Calendar, timer: Extract<TimerDef, { kind: 'cycle' }>, previous: Date): Date {
  return calendar.deadline(previous, timer.spec)
}

/** Register the event that `catcher` waits for, on behalf of `token`. */
export async function arm(run: Run, token: Token | Pick<Token, 'id'>, catcher: ElementDef): Promise<void> {
  const trigger = catcher.trigger
  if (trigger?.kind === 'timer') {
    // Event sub-process starts wait on behalf of their scope, not a token; their timers are never expressions (deploy).
    const waiting = 'element' in token ? token : undefined
    const timer = fixTimer(trigger.timer, run.variablesAt(waiting))
    if ('error' in timer) {
      if (!waiting) throw new Error(`${catcher.id}: ${timer.error}`)
      return run.incident(waiting, timer.error)
    }
    const payload = timer.kind === 'cycle' ? { element: catcher.id, remaining: (timer.repeat ?? INSTANCE_CYCLE_CAP) - 1 } : { element: catcher.id }
    await run.addJob(JobType.timer, timerDue(run.calendar, timer, run.now), { tokenId: token.id }, payload)
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
