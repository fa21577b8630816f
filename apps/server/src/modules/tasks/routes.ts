import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/context'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { engineOf } from '../cases/engine'
import type { Caller } from '../cases/service'
import { addSigners, batchAgree, ccTask, claimTask, decide, handOver, rejectTask, returnTask, urgeTask } from './actions'
import { taskDetail } from './detail'
import { BOXES, inbox } from './inbox'
import { ACTIONS } from './offered'
import { SignatureInput } from './signature'

const UserId = z.string().min(1).max(64)
const Comment = z.string().trim().max(2000)
const Required = (what: string) => z.string().trim().min(1, `请填写${what}`).max(2000)
const Edits = z.record(z.string(), z.unknown()).openapi({ description: "Values of this step's editable fields" })

const InboxEntry = z
  .object({
    taskId: z.string().nullable(), caseId: z.string(), caseNo: z.string().nullable(), caseStatus: z.string(), itemId: z.string(), itemName: z.string(),
    applicantName: z.string(), step: z.string().nullable(), name: z.string().nullable(), status: z.string(), claimable: z.boolean(), delegated: z.boolean(),
    createdAt: z.string(), due: z.string().nullable(), warnAt: z.string().nullable(), completedAt: z.string().nullable(), outcome: z.string().nullable(),
    ccBy: z.string().nullable(), comment: z.string().nullable(), warn: z.boolean(), overdue: z.boolean(),
  })
  .openapi('InboxEntry')

const Done = z.object({ caseId: z.string(), caseStatus: z.string() }).openapi('TaskActed')

const list = createRoute({
  method: 'get', path: '/', tags: ['tasks'], summary: 'My inbox: to do (assigned and claimable), done, or CC\'d',
  request: {
    query: z.object({
      box: z.enum(BOXES).default('todo'),
      itemId: z.string().max(64).optional(),
      status: z.enum(['open', 'waiting']).optional(),
      sort: z.enum(['due', 'created']).default('due'),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(InboxEntry) }), 'Tasks with their case and marks'), ...commonErrors },
})
const get = createRoute({
  method: 'get', path: '/{id}', tags: ['tasks'], summary: 'The task page: form in this step\'s mode, history, offered actions',
  request: { params: IdParam },
  responses: {
    200: jsonResponse(
      z.object({
        task: z.record(z.string(), z.unknown()), case: z.record(z.string(), z.unknown()),
        form: z.object({ schema: z.unknown(), data: z.record(z.string(), z.unknown()), editable: z.array(z.string()) }),
        timeline: z.array(z.record(z.string(), z.unknown())), actions: z.array(z.enum(ACTIONS)),
        returnTargets: z.array(z.object({ step: z.string(), name: z.string().nullable() })),
      }),
      'The task',
    ),
    ...commonErrors,
  },
})

/** One POST /{id}/<action> route with its own body. */
const act = <T extends z.ZodType>(path: string, summary: string, body: T) =>
  createRoute({
    method: 'post', path: `/{id}/${path}`, tags: ['tasks'], summary,
    request: { params: IdParam, ...jsonBody(body) },
    responses: { 200: jsonResponse(Done, 'Done; the case status after it'), ...commonErrors, ...conflictError },
  })

const agree = act('agree', '同意', z.strictObject({ comment: Comment.optional(), data: Edits.optional(), signature: SignatureInput.optional() }))
const disagree = act('disagree', '不同意', z.strictObject({ comment: Required('不同意的理由'), data: Edits.optional(), signature: SignatureInput.optional() }))
const back = act('return', '退回 to an earlier step (see returnTargets)', z.strictObject({ target: z.string().min(1).max(200), comment: Required('退回原因') }))
const reject = act('reject', '驳回: the case ends rejected', z.strictObject({ comment: Required('驳回理由') }))
const transfer = act('transfer', '转办', z.strictObject({ to: UserId, comment: Comment.optional() }))
const delegate = act('delegate', '委派', z.strictObject({ to: UserId, comment: Comment.optional() }))
const addSigner = act('add-signer', '加签', z.strictObject({ users: z.array(UserId).min(1).max(20), position: z.enum(['before', 'after']) }))
const urge = act('urge', '催办', z.strictObject({}))
const cc = act('cc', '抄送', z.strictObject({ users: z.array(UserId).min(1).max(50), comment: Comment.optional() }))
const claim = act('claim', '认领 an unassigned task I am a candidate for', z.strictObject({}))
const batch = createRoute({
  method: 'post', path: '/batch-agree', tags: ['tasks'], summary: '批量同意: each task in its own transaction; results per task',
  request: jsonBody(z.strictObject({ taskIds: z.array(z.string().min(1).max(64)).min(1).max(100), comment: Comment.optional() })),
  responses: {
    200: jsonResponse(z.object({ results: z.array(z.object({ taskId: z.string(), ok: z.boolean(), caseStatus: z.string().optional(), code: z.string().optional(), message: z.string().optional() })) }), 'Per task'),
    ...commonErrors,
  },
})

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })

/** /api/tasks: the approver's inbox and the actions on a task. */
export const taskRoutes = createRouter()
  .openapi(list, async (c) => {
    const deps = c.get('deps')
    return c.json({ items: await inbox(deps.database.db, requireActor(c), c.req.valid('query'), deps.now()) }, 200)
  })
  .openapi(batch, async (c) => {
    const { taskIds, comment } = c.req.valid('json')
    return c.json({ results: await batchAgree(caller(c), [...new Set(taskIds)], comment) }, 200)
  })
  .openapi(get, async (c) => {
    const deps = c.get('deps')
    return c.json(await taskDetail(deps.database.db, engineOf(deps), requireActor(c), c.req.valid('param').id, deps.now()), 200)
  })
  .openapi(agree, async (c) => c.json(await decide(caller(c), c.req.valid('param').id, 'agree', c.req.valid('json')), 200))
  .openapi(disagree, async (c) => c.json(await decide(caller(c), c.req.valid('param').id, 'disagree', c.req.valid('json')), 200))
  .openapi(back, async (c) => c.json(await returnTask(caller(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(reject, async (c) => c.json(await rejectTask(caller(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(transfer, async (c) => c.json(await handOver(caller(c), c.req.valid('param').id, 'transfer', c.req.valid('json')), 200))
  .openapi(delegate, async (c) => c.json(await handOver(caller(c), c.req.valid('param').id, 'delegate', c.req.valid('json')), 200))
  .openapi(addSigner, async (c) => c.json(await addSigners(caller(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(urge, async (c) => c.json(await urgeTask(caller(c), c.req.valid('param').id), 200))
  .openapi(cc, async (c) => c.json(await ccTask(caller(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(claim, async (c) => c.json(await claimTask(caller(c), c.req.valid('param').id), 200))
