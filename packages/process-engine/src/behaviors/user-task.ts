/**
 * User tasks with hall approval rounds: single (one person or any candidate), all (会签),
 * any (或签), sequential (依次), ratio, plus signers added before/after a task (加签).
 */
import { resolveAssignees } from '../assignment/resolver'
import type { ElementDef } from '../definition/model'
import type { Run } from '../runtime/run'
import type { ApprovalRound, Outcome, Token } from '../runtime/state'
import { JobType, type TaskRow } from '../store/types'
import { armBoundaries } from './catch'
import { forgetAgreement, rememberAgreement, standingAgreement } from './skip-unchanged'
import type { Behavior } from './types'

export const userTask: Behavior = {
  async enter(run, token, element) {
    const def = element.userTask!
    const context = run.assignmentContext(element.id, token)
    const resolved = await resolveAssignees(def.assignees, context, run.env.resolver)
    const errors = resolved.errors
    let users = resolved.users
    if (errors.length) return run.incident(token, errors.join('; '))
    if (!users.length) {
      users = (await resolveAssignees(run.env.fallbackAssignee, context, run.env.resolver)).users
      run.emit('task.assignment-fallback', { element: element.id, data: { reason: 'no assignee resolved', assignees: users } })
      if (!users.length) return run.incident(token, `Expected ${element.id} to have an assignee, but neither hall:assignee nor the fallback resolved to anyone`)
    }
    const mode = def.approval
    const standing = standingAgreement(run, token, element, users)
    token.waiting = 'task'
    token.round = { mode: mode.kind, users, created: 0, agree: 0, disagree: 0, held: {}, ...(mode.kind === 'ratio' ? { ratio: mode.ratio } : {}) }
    if (mode.kind === 'single') await createTask(run, token, users.length === 1 ? { assignee: users[0]! } : { assignee: null, candidates: users })
    else if (mode.kind === 'sequential') await createTask(run, token, { assignee: users[0]! })
    else for (const user of users) await createTask(run, token, { assignee: user })
    await armBoundaries(run, token, element)
    if (standing) await agreeAgain(run, token, standing)
  },
}

/** `hall:skipIfUnchanged`: the holder's earlier agreement stands; the step's task is agreed at once in their name. */
async function agreeAgain(run: Run, token: Token, standing: { by: string; at: string }): Promise<void> {
  const [task] = (await run.tx.findTasks({ instanceId: run.state.id, tokenId: token.id })).filter((t) => t.status === 'open')
  if (!task) return
  run.emit('task.auto-completed', { element: task.element, taskId: task.id, outcome: 'agree', actor: standing.by, data: { reason: 'unchanged', assignees: [standing.by], agreedAt: standing.at } })
  await finishTask(run, task, 'agree', standing.by, 'unchanged')
}

/** Insert a task for `token` with its deadline jobs and a `task.created` event. */
export async function createTask(run: Run, token: Token, fields: Partial<TaskRow>): Promise<TaskRow> {
  const def = run.element(token.element).userTask
  const due = def?.due && !fields.signerFor ? run.calendar.deadline(run.now, def.due) : undefined
  const warnAt = due && def?.warn ? run.calendar.before(due, def.warn) : undefined
  const task = run.newTask(token, { ...fields, due: due?.toISOString() ?? null, warnAt: warnAt?.toISOString() ?? null })
  await run.tx.insertTask(task)
  if (token.round && !fields.signerFor) token.round.created++
  await scheduleDeadlines(run, task)
  run.emit('task.created', {
    element: task.element,
    taskId: task.id,
    ...(task.due ? { due: task.due } : {}),
    data: { assignees: task.assignee ? [task.assignee] : task.candidates, ...(task.signerFor ? { signerFor: task.signerFor } : {}) },
  })
  return task
}

export async function scheduleDeadlines(run: Run, task: TaskRow): Promise<void> {
  // While the case clock is suspended deadlines do not run; resumeClock schedules them.
  if (run.state.clock.suspendedAt) return
  const refs = { taskId: task.id, tokenId: task.tokenId }
  if (task.warnAt && task.warnAt > run.at) await run.addJob(JobType.taskWarn, new Date(task.warnAt), refs)
  if (task.due) await run.addJob(JobType.taskDue, new Date(task.due), refs)
}

/** Decide a round after an outcome; undefined = keep waiting. Pure, for testing. */
export function decideRound(round: ApprovalRound, last: Outcome, completion?: boolean): Outcome | undefined {
  const total = round.users.length
  const decided = round.agree + round.disagree
  if (completion) return round.agree >= round.disagree ? 'agree' : 'disagree'
  switch (round.mode) {
    case 'single':
    case 'any':
      return last
    case 'all':
    case 'sequential':
      if (round.disagree > 0) return 'disagree'
      return decided >= total ? 'agree' : undefined
    case 'ratio': {
      const ratio = round.ratio ?? 1
      if (round.agree / total >= ratio) return 'agree'
      if ((total - round.disagree) / total < ratio) return 'disagree'
      return decided >= total ? 'disagree' : undefined
    }
  }
}

/** Close a task with an outcome and advance its round (shared by people, timeouts and signers). */
export async function finishTask(run: Run, task: TaskRow, outcome: Outcome, by: string, comment?: string): Promise<void> {
  const token = run.token(task.tokenId)
  const round = token?.round
  await run.tx.updateTask({ ...task, status: 'completed', completedAt: run.at, completedBy: by, outcome, comment: comment ?? null })
  await run.tx.deleteJobs({ instanceId: run.state.id, taskId: task.id })
  run.emit('task.completed', { element: task.element, taskId: task.id, actor: by, outcome, ...(comment ? { data: { comment } } : {}) })
  if (!token || !round) return
  if (task.signerFor) return afterSigner(run, token, round, task, outcome)
  const held = round.held[task.id]
  if (held?.position === 'after' && held.users.length) {
    held.outcome = outcome
    for (const user of held.users) await createTask(run, token, { assignee: user, signerFor: task.id })
    held.users = []
    return
  }
  await countOutcome(run, token, round, outcome, by)
}

async function afterSigner(run: Run, token: Token, round: ApprovalRound, signer: TaskRow, outcome: Outcome): Promise<void> {
  const originalId = signer.signerFor!
  const held = round.held[originalId]
  if (!held) return
  if (outcome === 'disagree') held.outcome = 'disagree'
  const open = (await run.tx.findTasks({ instanceId: run.state.id, tokenId: token.id })).filter((t) => t.signerFor === originalId && t.status === 'open')
  if (open.length) return
  delete round.held[originalId]
  const original = await run.tx.getTask(originalId)
  if (held.position === 'before') {
    // A timeout may already have decided the original task; only a still-held one reopens.
    if (original?.status !== 'waiting') return
    await run.tx.updateTask({ ...original, status: 'open' })
    run.emit('task.reopened', { element: original.element, taskId: original.id })
  } else if (held.outcome) {
    await countOutcome(run, token, round, held.outcome, original?.completedBy ?? signer.completedBy ?? 'system')
  }
}

async function countOutcome(run: Run, token: Token, round: ApprovalRound, outcome: Outcome, by: string): Promise<void> {
  if (outcome === 'agree') round.agree++
  else round.disagree++
  const element = run.element(token.element)
  const decision = decideRound(round, outcome, completionHolds(run, token, element, round))
  if (!decision) {
    if (round.mode === 'sequential') await createTask(run, token, { assignee: round.users[round.created]! })
    return
  }
  await run.release(token, 'round decided')
  const approvals = run.variablesAt(token).approvals as Record<string, unknown> | undefined
  run.setVariables(token, { approvals: { ...approvals, [element.id]: decision }, lastOutcome: decision })
  run.state.completions.push({ element: element.id, by, at: run.at })
  if (decision === 'agree') rememberAgreement(run, token, element, by)
  else forgetAgreement(run, element.id)
  delete token.round
  run.emit('activity.completed', { element: element.id, outcome: decision })
  run.leave(token, element.outgoing, { silent: true })
}

function completionHolds(run: Run, token: Token, element: ElementDef, round: ApprovalRound): boolean {
  const condition = element.userTask?.completionCondition
  if (!condition) return false
  const done = round.agree + round.disagree
  const result = condition.evaluate({
    ...run.variablesAt(token),
    nrOfInstances: round.users.length,
    nrOfCompletedInstances: done,
    nrOfActiveInstances: round.created - done,
    nrOfAgreed: round.agree,
    nrOfDisagreed: round.disagree,
  })
  return 'value' in result && result.value === true
}
