import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ARRANGEMENT_KINDS, ARRANGEMENT_STATUSES, NOTICE_KINDS } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { checkMobile } from '@hall/form-schema'
import { acceptCase, checklistOf, noticesOf, refuseCase, requestSupplement, supplementReceived } from './intake'
import { acceptByAgency, acceptEscalated, acceptJointly, acceptToleratingMissing, arrangementsOfCase, fulfilArrangement } from './intake-arrangements'
import type { Caller } from './service'

export const Notice = z.object({ id: z.string(), kind: z.enum(NOTICE_KINDS), data: z.record(z.string(), z.unknown()), createdAt: z.string() }).openapi('CaseNotice')
const noticeResponse = { 201: jsonResponse(Notice, 'The notice to print'), ...commonErrors, ...conflictError }
const Text = (what: string, max = 4000) => z.string().trim().min(1, `请填写${what}`).max(max)

const accept = createRoute({
  method: 'post', path: '/{id}/accept', tags: ['cases'], summary: '受理 at the window: instant or promised; answers the acceptance notice',
  request: { params: IdParam, ...jsonBody(z.strictObject({ kind: z.enum(['instant', 'promised']) })) },
  responses: noticeResponse,
})
const supplement = createRoute({
  method: 'post', path: '/{id}/supplement', tags: ['cases'], summary: '补正: the one-time notice of every missing material; the case clock stops',
  request: {
    params: IdParam,
    ...jsonBody(
      z
        .strictObject({
          materialIds: z.array(z.string().min(1).max(64)).max(200).default([]),
          others: z.array(Text('缺少的内容', 500)).max(50).default([]),
          note: z.string().trim().max(2000).optional(),
        })
        .refine((body) => body.materialIds.length + body.others.length > 0, { message: '请至少选择一项需要补正的材料', path: ['materialIds'] }),
    ),
  },
  responses: noticeResponse,
})
const supplied = createRoute({
  method: 'post', path: '/{id}/supplied', tags: ['cases'], summary: 'The missing materials arrived: the case clock runs again',
  request: { params: IdParam, ...jsonBody(z.strictObject({})) },
  responses: { 200: jsonResponse(z.object({ status: z.literal('running'), promiseDue: z.string().nullable() }), 'Running again'), ...commonErrors, ...conflictError },
})
const refuse = createRoute({
  method: 'post', path: '/{id}/refuse', tags: ['cases'], summary: '退回件: refuse with reasons, basis, remedy and review rights; files a negative decision',
  request: { params: IdParam, ...jsonBody(z.strictObject({ reasons: Text('退回理由'), legalBasis: Text('法律依据'), remedy: Text('补正或改正的方法'), reviewRights: z.string().trim().max(2000).optional() })) },
  responses: noticeResponse,
})
const notices = createRoute({
  method: 'get', path: '/{id}/notices', tags: ['cases'], summary: 'The written notices of a case, for printing',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(Notice) }), 'Oldest first'), ...commonErrors },
})

const tolerate = createRoute({
  method: 'post', path: '/{id}/tolerate-missing', tags: ['cases'], summary: '容缺受理: accept while materials the guide allows to be missing are owed by a promised date',
  request: {
    params: IdParam,
    ...jsonBody(
      z.strictObject({
        materialIds: z.array(z.string().min(1).max(64)).min(1, '请选择容缺的材料').max(200),
        promiseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '承诺补交日期的格式是 YYYY-MM-DD'),
        note: z.string().trim().max(2000).optional(),
      }),
    ),
  },
  responses: noticeResponse,
})
const joint = createRoute({
  method: 'post', path: '/{id}/joint', tags: ['cases'], summary: '联办: the item’s window leads, the co-departments are notified; answers the joint-handling notice',
  request: { params: IdParam, ...jsonBody(z.strictObject({ coDeptIds: z.array(z.string().min(1).max(64)).min(1, '请选择至少一个协办部门').max(50), note: z.string().trim().max(2000).optional() })) },
  responses: noticeResponse,
})
const escalate = createRoute({
  method: 'post', path: '/{id}/escalate', tags: ['cases'], summary: '上报件: accepted here, forwarded to the higher authority; its result is recorded later',
  request: { params: IdParam, ...jsonBody(z.strictObject({ upperAuthority: Text('上级部门', 200), reason: Text('上报理由', 2000) })) },
  responses: noticeResponse,
})
const Mobile = z.string().trim().refine((value) => checkMobile(value).ok, '请输入有效的11位手机号码')
const agency = createRoute({
  method: 'post', path: '/{id}/agency', tags: ['cases'], summary: '代办件: an agent delivers the materials to the handling department within 24 hours',
  request: { params: IdParam, ...jsonBody(z.strictObject({ agentName: Text('代办人姓名', 100), agentContact: Mobile })) },
  responses: noticeResponse,
})
export const Arrangement = z
  .object({
    id: z.string(), caseId: z.string(), kind: z.enum(ARRANGEMENT_KINDS), status: z.enum(ARRANGEMENT_STATUSES), detail: z.record(z.string(), z.unknown()),
    due: z.string().nullable(), overdue: z.boolean(), resultWithheld: z.boolean(), createdAt: z.string(), resolvedAt: z.string().nullable(),
  })
  .openapi('CaseArrangement')
const arrangements = createRoute({
  method: 'get', path: '/{id}/arrangements', tags: ['cases'], summary: 'How the case was accepted beyond instant/promised: tolerate-missing, joint, escalated, agency',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ items: z.array(Arrangement) }), 'Oldest first'), ...commonErrors },
})
const fulfil = createRoute({
  method: 'post', path: '/{id}/arrangements/{arrangementId}/fulfil', tags: ['cases'], summary: 'The owed part arrived: tolerated materials, the upper result, or the agent’s delivery',
  request: { params: IdParam.extend({ arrangementId: z.string().min(1).max(64) }), ...jsonBody(z.strictObject({ note: z.string().trim().max(2000).optional() })) },
  responses: { 200: jsonResponse(Arrangement, 'Fulfilled'), ...commonErrors, ...conflictError },
})

const checklist = createRoute({
  method: 'get', path: '/{id}/checklist', tags: ['cases'], summary: 'The materials checklist of the case’s item version (for supplement and tolerate-missing)',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ materials: z.array(z.object({ id: z.string(), name: z.string(), copies: z.number(), form: z.string(), main: z.boolean(), mayBeMissing: z.boolean() })) }), 'In guide order'), ...commonErrors },
})

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })

/** Window acceptance (一窗受理) of submitted cases, mounted under /api/cases. */
export const intakeRoutes = createRouter()
  .openapi(accept, async (c) => c.json(await acceptCase(caller(c), c.req.valid('param').id, c.req.valid('json').kind), 201))
  .openapi(supplement, async (c) => c.json(await requestSupplement(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(supplied, async (c) => c.json(await supplementReceived(caller(c), c.req.valid('param').id), 200))
  .openapi(refuse, async (c) => c.json(await refuseCase(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(notices, async (c) => c.json({ items: await noticesOf(c.get('deps').database.db, requireActor(c), c.req.valid('param').id) }, 200))
  .openapi(tolerate, async (c) => c.json(await acceptToleratingMissing(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(joint, async (c) => c.json(await acceptJointly(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(escalate, async (c) => c.json(await acceptEscalated(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(agency, async (c) => c.json(await acceptByAgency(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(arrangements, async (c) => c.json({ items: await arrangementsOfCase(caller(c), c.req.valid('param').id) }, 200))
  .openapi(fulfil, async (c) => {
    const { id, arrangementId } = c.req.valid('param')
    return c.json(await fulfilArrangement(caller(c), id, arrangementId, c.req.valid('json')), 200)
  })
  .openapi(checklist, async (c) => c.json({ materials: await checklistOf(caller(c), c.req.valid('param').id) }, 200))
