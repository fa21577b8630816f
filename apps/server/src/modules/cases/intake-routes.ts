import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { NOTICE_KINDS } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { acceptCase, noticesOf, refuseCase, requestSupplement, supplementReceived } from './intake'
import type { Caller } from './service'

const Notice = z.object({ id: z.string(), kind: z.enum(NOTICE_KINDS), data: z.record(z.string(), z.unknown()), createdAt: z.string() }).openapi('CaseNotice')
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

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })

/** Window acceptance (一窗受理) of submitted cases, mounted under /api/cases. */
export const intakeRoutes = createRouter()
  .openapi(accept, async (c) => c.json(await acceptCase(caller(c), c.req.valid('param').id, c.req.valid('json').kind), 201))
  .openapi(supplement, async (c) => c.json(await requestSupplement(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(supplied, async (c) => c.json(await supplementReceived(caller(c), c.req.valid('param').id), 200))
  .openapi(refuse, async (c) => c.json(await refuseCase(caller(c), c.req.valid('param').id, c.req.valid('json')), 201))
  .openapi(notices, async (c) => c.json({ items: await noticesOf(c.get('deps').database.db, requireActor(c), c.req.valid('param').id) }, 200))
