import { ApiError, conflict } from '../../http/errors'
import type { Caller } from '../cases/service'
import { assertColleagues, onTask } from './commands'
import { keepSignature } from './signature'

type Edits = Record<string, unknown> | undefined
const comment = (text: string | undefined) => (text ? { comment: text } : {})

/** 同意 / 不同意, with this step's form edits (an opinion field, say) and the handwritten signature. */
export const decide = (
  caller: Caller,
  taskId: string,
  outcome: 'agree' | 'disagree',
  input: { comment?: string | undefined; data?: Edits; signature?: Uint8Array | undefined },
) =>
  onTask(caller, taskId, {
    verb: outcome === 'agree' ? 'agreed' : 'disagreed',
    edits: input.data,
    detail: { signed: input.signature !== undefined },
    run: async (engine, { task, caseRow, tx }, data) => {
      await engine.complete(task.id, { by: caller.actor.userId, outcome, ...comment(input.comment), ...(data ? { variables: data } : {}) })
      if (input.signature) await keepSignature(tx, { taskId: task.id, caseId: caseRow.id, signerId: caller.actor.userId, png: input.signature, at: caller.deps.now() })
    },
  })

/** 退回 to an earlier step the engine lists as a target. */
export const returnTask = (caller: Caller, taskId: string, input: { target: string; comment: string }) =>
  onTask(caller, taskId, {
    verb: 'returned',
    detail: { target: input.target },
    run: (engine, { task }) => engine.returnTo(task.id, { by: caller.actor.userId, target: input.target, comment: input.comment }),
  })

/** 驳回: the case ends rejected. */
export const rejectTask = (caller: Caller, taskId: string, input: { comment: string }) =>
  onTask(caller, taskId, { verb: 'rejected', run: (engine, { task }) => engine.reject(task.id, { by: caller.actor.userId, comment: input.comment }) })

/** 转办 (the task becomes theirs) or 委派 (they work on it and hand it back). */
export const handOver = (caller: Caller, taskId: string, kind: 'transfer' | 'delegate', input: { to: string; comment?: string | undefined }) =>
  onTask(caller, taskId, {
    verb: kind === 'transfer' ? 'transferred' : 'delegated',
    detail: { to: input.to },
    run: async (engine, { task, caseRow, tx }) => {
      if (input.to === caller.actor.userId) throw new ApiError(400, 'VALIDATION_FAILED', '不能转给自己', { to: '不能转给自己' })
      await assertColleagues(tx, caseRow.unitId, [input.to], 'to')
      await engine[kind](task.id, { by: caller.actor.userId, to: input.to, ...comment(input.comment) })
    },
  })

/** 加签 before (they sign first) or after (they sign once this task is done). */
export const addSigners = (caller: Caller, taskId: string, input: { users: string[]; position: 'before' | 'after' }) =>
  onTask(caller, taskId, {
    verb: 'signers_added',
    detail: input,
    run: async (engine, { task, caseRow, tx }) => {
      await assertColleagues(tx, caseRow.unitId, input.users, 'users')
      await engine.addSigner(task.id, { by: caller.actor.userId, users: input.users, position: input.position })
    },
  })

/** 催办: anyone who sees the case may remind the holder. */
export const urgeTask = (caller: Caller, taskId: string) =>
  onTask(caller, taskId, { verb: 'urged', who: 'viewer', run: (engine, { task }) => engine.urge(task.id, { by: caller.actor.userId }) })

/** 抄送 the case to colleagues; they see it in their CC box. */
export const ccTask = (caller: Caller, taskId: string, input: { users: string[]; comment?: string | undefined }) =>
  onTask(caller, taskId, {
    verb: 'cc',
    detail: { users: input.users },
    run: async (engine, { task, caseRow, tx }) => {
      await assertColleagues(tx, caseRow.unitId, input.users, 'users')
      await engine.cc(task.instanceId, { by: caller.actor.userId, users: input.users, ...comment(input.comment) })
    },
  })

/** 认领: a candidate takes an unassigned task so the others no longer see it as theirs. */
export const claimTask = (caller: Caller, taskId: string) =>
  onTask(caller, taskId, {
    verb: 'claimed',
    run: async (engine, { task }) => {
      if (task.assignee !== null) throw conflict('TASK_ALREADY_CLAIMED', '这项任务已经有人认领')
      await engine.reassign(task.id, { by: caller.actor.userId, to: caller.actor.userId, reason: '认领' })
    },
  })

export interface BatchResult {
  taskId: string
  ok: boolean
  caseStatus?: string
  code?: string
  message?: string
}

/** 批量同意: each task in its own transaction, so one refusal does not undo the others. */
export async function batchAgree(caller: Caller, taskIds: string[], text: string | undefined): Promise<BatchResult[]> {
  const results: BatchResult[] = []
  for (const taskId of taskIds) {
    try {
      const { caseStatus } = await decide(caller, taskId, 'agree', { comment: text })
      results.push({ taskId, ok: true, caseStatus })
    } catch (error) {
      if (!(error instanceof ApiError)) throw error
      results.push({ taskId, ok: false, code: error.code, message: error.message })
    }
  }
  return results
}
