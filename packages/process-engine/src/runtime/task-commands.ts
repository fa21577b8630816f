/**
 * Approval actions on tasks (DOMAIN.md §6): agree/disagree, 退回, 驳回, 转办, 委派, 加签,
 * 撤回, 催办, 抄送. Each runs inside the engine's transaction for the task's instance.
 */
import { forgetAgreement } from '../behaviors/skip-unchanged'
import { createTask, finishTask } from '../behaviors/user-task'
import { EngineError, ErrorCode } from '../errors'
import type { TaskRow } from '../store/types'
import type { Run } from './run'
import { InstanceStatus, type Outcome } from './state'

export interface ActorArgs {
  by: string
  comment?: string
}
export interface CompleteArgs extends ActorArgs {
  /** Default `agree`. */
  outcome?: Outcome
  /** Merged into the instance variables (form data). */
  variables?: Record<string, unknown>
}
export interface ReturnArgs extends ActorArgs {
  /** An earlier completed user task of this instance. */
  target: string
}
export interface HandOverArgs extends ActorArgs {
  to: string
}
export interface AddSignerArgs extends ActorArgs {
  users: string[]
  position: 'before' | 'after'
}
export interface CcArgs extends ActorArgs {
  users: string[]
}

function assertActor(task: TaskRow, by: string): void {
  const allowed = task.assignee === null ? task.candidates.includes(by) : task.assignee === by
  if (!allowed) throw new EngineError(ErrorCode.TASK_NOT_ASSIGNED, `Task ${task.id} is assigned to ${task.assignee ?? task.candidates.join('|')}, not to ${by}`)
  if (task.status !== 'open') throw new EngineError(ErrorCode.TASK_NOT_OPEN, `Task ${task.id} is ${task.status} until its signers finish`)
}

export async function complete(run: Run, task: TaskRow, args: CompleteArgs): Promise<void> {
  assertActor(task, args.by)
  if (args.outcome !== undefined && args.outcome !== 'agree' && args.outcome !== 'disagree') {
    throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Outcome for task ${task.id} must be agree or disagree, not ${String(args.outcome)}`)
  }
  run.setVariables(run.token(task.tokenId), args.variables ?? {})
  if (task.owner) {
    // 委派: the delegate's work goes back to the owner, who still decides.
    await run.tx.updateTask({ ...task, assignee: task.owner, owner: null, comment: args.comment ?? task.comment })
    run.emit('task.delegate-resolved', { element: task.element, taskId: task.id, actor: args.by, ...(args.comment ? { data: { comment: args.comment } } : {}) })
    return
  }
  await finishTask(run, task, args.outcome ?? 'agree', args.by, args.comment)
}

export async function returnTo(run: Run, task: TaskRow, args: ReturnArgs): Promise<void> {
  assertActor(task, args.by)
  const target = run.def.elements[args.target]
  if (!target || target.kind !== 'userTask' || !run.state.completions.some((c) => c.element === args.target)) {
    throw new EngineError(ErrorCode.INVALID_RETURN_TARGET, `Task ${task.id} cannot return to ${args.target}: not an earlier completed user task of instance ${run.state.id}`)
  }
  await closeAs(run, task, 'returned', args)
  run.emit('task.returned', { element: task.element, taskId: task.id, actor: args.by, outcome: 'returned', data: { target: args.target, ...(args.comment ? { comment: args.comment } : {}) } })
  await run.cancelAll('returned')
  // The step returned to, and the one returning, must be done again: earlier agreements there do not carry over.
  forgetAgreement(run, args.target)
  forgetAgreement(run, task.element)
  await run.enterAt(args.target)
}

export async function reject(run: Run, task: TaskRow, args: ActorArgs): Promise<void> {
  assertActor(task, args.by)
  await closeAs(run, task, 'rejected', args)
  run.emit('task.rejected', { element: task.element, taskId: task.id, actor: args.by, outcome: 'rejected', ...(args.comment ? { data: { comment: args.comment } } : {}) })
  await run.end(InstanceStatus.terminated, 'rejected', args.by)
}

/** The acting task ends with the action as its outcome (statistics count it); the rest is cancelled. */
async function closeAs(run: Run, task: TaskRow, outcome: string, args: ActorArgs): Promise<void> {
  await run.tx.updateTask({ ...task, status: 'completed', completedAt: run.at, completedBy: args.by, outcome, comment: args.comment ?? null })
}

export async function transfer(run: Run, task: TaskRow, args: HandOverArgs): Promise<void> {
  assertActor(task, args.by)
  await run.tx.updateTask({ ...task, assignee: args.to, candidates: [] })
  run.emit('task.transferred', { element: task.element, taskId: task.id, actor: args.by, data: { to: args.to, ...(args.comment ? { comment: args.comment } : {}) } })
}

export interface ReassignArgs extends HandOverArgs {
  reason: string
}

/**
 * Administrative reassignment without the assignee's action: AB-post handover when A goes
 * absent after the task was created, or a supervisor's intervention. The caller authorises.
 */
export async function reassign(run: Run, task: TaskRow, args: ReassignArgs): Promise<void> {
  if (!args.reason.trim()) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Reassigning task ${task.id} needs a reason`)
  const from = task.assignee ? [task.assignee] : task.candidates
  await run.tx.updateTask({ ...task, assignee: args.to, candidates: [], owner: null })
  run.emit('task.reassigned', { element: task.element, taskId: task.id, actor: args.by, data: { from, to: args.to, reason: args.reason, assignees: [args.to] } })
}

export async function delegate(run: Run, task: TaskRow, args: HandOverArgs): Promise<void> {
  assertActor(task, args.by)
  if (task.owner) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Task ${task.id} is already delegated by ${task.owner}`)
  await run.tx.updateTask({ ...task, owner: args.by, assignee: args.to, candidates: [] })
  run.emit('task.delegated', { element: task.element, taskId: task.id, actor: args.by, data: { to: args.to } })
}

export async function addSigner(run: Run, task: TaskRow, args: AddSignerArgs): Promise<void> {
  assertActor(task, args.by)
  const token = run.token(task.tokenId)
  if (!token?.round || task.signerFor || !args.users.length) {
    throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Task ${task.id} cannot take signers (it is a signer task, or no users were given)`)
  }
  const held = token.round.held[task.id]
  if (held) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Task ${task.id} already has signers added ${held.position} it`)
  token.round.held[task.id] = { position: args.position, users: args.position === 'after' ? args.users : [] }
  run.emit('task.signer-added', { element: task.element, taskId: task.id, actor: args.by, data: { users: args.users, position: args.position } })
  if (args.position === 'before') {
    await run.tx.updateTask({ ...task, status: 'waiting' })
    for (const user of args.users) await createTask(run, token, { assignee: user, signerFor: task.id })
  }
}

export async function urge(run: Run, task: TaskRow, args: ActorArgs): Promise<void> {
  run.emit('task.urged', { element: task.element, taskId: task.id, actor: args.by, data: { assignees: task.assignee ? [task.assignee] : task.candidates } })
}

export async function cc(run: Run, args: CcArgs): Promise<void> {
  run.emit('process.cc', { actor: args.by, data: { users: args.users, ...(args.comment ? { comment: args.comment } : {}) } })
}

/**
 * 撤回: the initiator takes the case back while the next step is untouched — nobody has
 * acted since the initiator's last step. Back to that step, or ended as withdrawn.
 */
export async function withdraw(run: Run, args: ActorArgs): Promise<void> {
  if (args.by !== run.state.initiator) throw new EngineError(ErrorCode.WITHDRAW_NOT_ALLOWED, `Only the initiator may withdraw instance ${run.state.id}, not ${args.by}`)
  const last = run.state.completions.at(-1)
  const touched = run.state.tokens.some((t) => t.round && (t.round.agree + t.round.disagree > 0 || Object.keys(t.round.held).length > 0))
  const delegated = (await run.tx.findTasks({ instanceId: run.state.id, status: 'open' })).some((t) => t.owner)
  if ((last && last.by !== args.by) || touched || delegated) {
    throw new EngineError(ErrorCode.WITHDRAW_NOT_ALLOWED, `Instance ${run.state.id} cannot be withdrawn: the next step has already been acted on`)
  }
  run.emit('process.withdrawn', { actor: args.by, ...(last ? { element: last.element } : {}) })
  if (!last) return run.end(InstanceStatus.terminated, 'withdrawn', args.by)
  await run.cancelAll('withdrawn')
  await run.enterAt(last.element)
}
