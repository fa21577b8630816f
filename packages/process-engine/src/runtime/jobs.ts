/**
 * Firing a claimed job. The caller deletes the job row (fenced by lock owner, see
 * `StoreTx.ackJobs`) in the transaction of the effect, so a lost lease means no effect and a
 * second delivery finds nothing.
 */
import { resolveAssignees } from '../assignment/resolver'
import { nextCycleDue, trigger } from '../behaviors/catch'
import { isEventStart, rootOwner, startEventSubProcess } from '../behaviors/event-sub-process'
import { finishTask } from '../behaviors/user-task'
import { JobType, type JobRow } from '../store/types'
import type { Run } from './run'
import { InstanceStatus } from './state'

/** Apply an acknowledged job's effect (none when it turned out to be stale). */
export async function fireJob(run: Run, job: JobRow): Promise<void> {
  if (run.state.status !== InstanceStatus.active) return
  switch (job.type) {
    case JobType.timer:
      await fireTimer(run, job)
      break
    case JobType.processDue:
      run.emit('process.overdue', { due: job.dueAt })
      break
    case JobType.taskWarn:
    case JobType.taskDue:
      await fireTaskDeadline(run, job)
      break
  }
}

async function fireTimer(run: Run, job: JobRow): Promise<void> {
  const element = String(job.payload.element ?? '')
  const owner = job.tokenId ?? ''
  const token = run.token(owner)
  const eventStart = isEventStart(run, element)
  if (!run.def.elements[element] || (!token && !(eventStart && owner === rootOwner(run)))) return
  run.emit('timer.fired', { element })
  const remaining = Number(job.payload.remaining ?? 0)
  const timer = run.element(element).trigger
  if (remaining > 0 && timer?.kind === 'timer' && timer.timer.kind === 'cycle' && run.element(element).interrupting === false) {
    await run.addJob(JobType.timer, nextCycleDue(run.calendar, timer.timer, new Date(job.dueAt)), { tokenId: owner }, { element, remaining: remaining - 1 })
  }
  if (eventStart) await startEventSubProcess(run, owner, element)
  else await trigger(run, token!, element)
}

async function fireTaskDeadline(run: Run, job: JobRow): Promise<void> {
  const task = job.taskId ? await run.tx.getTask(job.taskId) : undefined
  if (!task || (task.status !== 'open' && task.status !== 'waiting')) return
  const assignees = task.assignee ? [task.assignee] : task.candidates
  if (job.type === JobType.taskWarn) return run.emit('task.warned', { element: task.element, taskId: task.id, due: task.due ?? job.dueAt, data: { assignees } })
  run.emit('task.overdue', { element: task.element, taskId: task.id, due: task.due ?? job.dueAt, data: { assignees } })
  const action = run.element(task.element).userTask?.onTimeout
  if (!action || action.kind === 'remind' || task.signerFor) return
  if (action.kind === 'escalate') {
    const context = run.assignmentContext(task.element, run.token(task.tokenId))
    const { users } = await resolveAssignees(action.to, context, run.env.resolver)
    const to = users.length ? users : (await resolveAssignees(run.env.fallbackAssignee, context, run.env.resolver)).users
    // Nobody to escalate to: the task stays with its current assignee rather than with no one.
    if (!to.length) return run.emit('task.escalation-failed', { element: task.element, taskId: task.id, data: { assignees, reason: 'nobody resolved' } })
    await run.tx.updateTask({ ...task, assignee: to.length === 1 ? to[0]! : null, candidates: to.length === 1 ? [] : to, owner: null })
    return run.emit('task.escalated', { element: task.element, taskId: task.id, data: { assignees: to } })
  }
  const outcome = action.kind === 'approve' ? 'agree' : 'disagree'
  // 超时默认同意 (DOMAIN §3 joint items): the deadline itself answers for the absent department.
  run.emit('task.auto-completed', { element: task.element, taskId: task.id, outcome, data: { reason: 'timeout', assignees } })
  await finishTask(run, { ...task, status: 'open' }, outcome, 'system', 'timeout')
}
