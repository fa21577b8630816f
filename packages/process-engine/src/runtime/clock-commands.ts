/**
 * Instance-level commands: the case clock (suspension for 补正/容缺, extension 延期),
 * message correlation and incident retry.
 */
import { trigger } from '../behaviors/catch'
import { isEventStart, startEventSubProcess } from '../behaviors/event-sub-process'
import { scheduleDeadlines } from '../behaviors/user-task'
import { EngineError, ErrorCode } from '../errors'
import { JobType } from '../store/types'
import type { ActorArgs } from './task-commands'
import type { Run } from './run'

export interface SuspendArgs extends ActorArgs {
  reason: string
}
export interface ExtendArgs extends ActorArgs {
  workingDays: number
  reason: string
}

const DEADLINE_JOBS = new Set<string>([JobType.taskDue, JobType.taskWarn, JobType.processDue])

/** Stop the clock: deadline jobs are withdrawn until `resumeClock` reschedules them shifted. */
export async function suspendClock(run: Run, args: SuspendArgs): Promise<void> {
  if (run.state.clock.suspendedAt) throw new EngineError(ErrorCode.CLOCK_STATE, `Instance ${run.state.id} clock is already suspended`)
  run.state.clock.suspendedAt = run.at
  run.state.clock.suspendReason = args.reason
  for (const job of await run.tx.findJobs({ instanceId: run.state.id })) {
    if (DEADLINE_JOBS.has(job.type)) await run.tx.deleteJob(job.id)
  }
  run.emit('clock.suspended', { actor: args.by, data: { reason: args.reason } })
}

/** Restart the clock: every due date moves by the working time spent suspended. */
export async function resumeClock(run: Run, args: ActorArgs): Promise<void> {
  const since = run.state.clock.suspendedAt
  if (!since) throw new EngineError(ErrorCode.CLOCK_STATE, `Instance ${run.state.id} clock is not suspended`)
  const { calendar } = run
  const suspendedMs = calendar.workingMsBetween(new Date(since), run.now)
  delete run.state.clock.suspendedAt
  delete run.state.clock.suspendReason
  // A step that began during the suspension only stood still since it began.
  await shiftDeadlines(run, (at, createdAt) =>
    calendar.addWorkingMs(at, createdAt && createdAt > since ? calendar.workingMsBetween(new Date(createdAt), run.now) : suspendedMs))
  run.emit('clock.resumed', { actor: args.by, ...(run.state.clock.due ? { due: run.state.clock.due } : {}), data: { suspendedWorkingMs: suspendedMs } })
}

/** 延期: add working days to the promise and the open steps, within the configured limit. */
export async function extend(run: Run, args: ExtendArgs): Promise<void> {
  const total = run.state.clock.extendedDays + args.workingDays
  if (!Number.isInteger(args.workingDays) || args.workingDays < 1) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Extension of instance ${run.state.id} must be a whole number of working days ≥ 1`)
  if (total > run.env.maxExtensionDays) {
    throw new EngineError(ErrorCode.EXTENSION_LIMIT, `Instance ${run.state.id} would be extended by ${total} working days in total, but at most ${run.env.maxExtensionDays} are allowed`)
  }
  if (!args.reason.trim()) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Extension of instance ${run.state.id} needs a reason`)
  run.state.clock.extendedDays = total
  const spec = { kind: 'workingDays', days: args.workingDays } as const
  await shiftDeadlines(run, (at) => run.calendar.deadline(at, spec))
  run.emit('process.extended', { actor: args.by, ...(run.state.clock.due ? { due: run.state.clock.due } : {}), data: { workingDays: args.workingDays, reason: args.reason } })
}

async function shiftDeadlines(run: Run, shift: (at: Date, createdAt?: string) => Date): Promise<void> {
  const move = (iso: string | null | undefined, createdAt?: string) => (iso ? shift(new Date(iso), createdAt).toISOString() : null)
  const running = !run.state.clock.suspendedAt
  if (running) {
    for (const job of await run.tx.findJobs({ instanceId: run.state.id })) {
      if (DEADLINE_JOBS.has(job.type)) await run.tx.deleteJob(job.id)
    }
  }
  if (run.state.clock.due) {
    run.state.clock.due = move(run.state.clock.due)!
    if (running) await run.addJob(JobType.processDue, new Date(run.state.clock.due), {})
  }
  for (const task of await run.tx.findTasks({ instanceId: run.state.id })) {
    if ((task.status !== 'open' && task.status !== 'waiting') || !task.due) continue
    const moved = { ...task, due: move(task.due, task.createdAt), warnAt: move(task.warnAt, task.createdAt) }
    await run.tx.updateTask(moved)
    if (running) await scheduleDeadlines(run, moved)
  }
}

/** Who delivered a message (the applicant reporting back, 销假) and what they said: kept on its history event. */
export interface Delivery {
  by?: string
  comment?: string
}

/** Deliver `message` to the first waiting catcher. Returns false when nothing waits for it. */
export async function correlate(run: Run, message: string, variables: Record<string, unknown>, delivery: Delivery = {}): Promise<boolean> {
  const subscription = run.state.subscriptions.find((s) => s.message === message)
  if (!subscription) return false
  const token = run.token(subscription.tokenId)
  const eventStart = isEventStart(run, subscription.element)
  if (!token && !eventStart) return false
  run.setVariables(token, variables)
  run.emit('message.correlated', { element: subscription.element, ...(delivery.by ? { actor: delivery.by } : {}), data: { message, ...(delivery.comment ? { comment: delivery.comment } : {}) } })
  if (eventStart) await startEventSubProcess(run, subscription.tokenId, subscription.element)
  else await trigger(run, token!, subscription.element)
  return true
}

export async function retryIncident(run: Run, tokenId: string, variables: Record<string, unknown>): Promise<void> {
  const token = run.token(tokenId)
  if (!token?.incident) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Token ${tokenId} of instance ${run.state.id} has no incident`)
  run.setVariables(token, variables)
  delete token.incident
  delete token.waiting
  run.state.incidents = run.state.incidents.filter((i) => i.tokenId !== tokenId)
  run.emit('incident.resolved', { element: token.element })
  // The element runs again from scratch; its first attempt left nothing behind.
  run.requeue(token)
}
