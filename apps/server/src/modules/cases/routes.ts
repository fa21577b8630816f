import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { eq } from 'drizzle-orm'
import { CASE_STATUSES, items, RATINGS } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { visibleCase, type CaseRow } from './access'
import { caseDiagram } from './diagram'
import { engineOf } from './engine'
import { inviteEvaluation } from './evaluation-invitation'
import { complainAbout, evaluateCase } from './feedback'
import { deliverMessage } from './messages'
import { deskRoutes } from './desk-routes'
import { intakeRoutes, Notice } from './intake-routes'
import { createDraft, saveDraft, submitCase, withdrawCase, type Caller } from './service'
import { caseDetail, caseSummary, listCases } from './view'

const FormData = z.record(z.string(), z.unknown()).openapi({ description: 'Form values keyed by field name' })
const Id = z.string().min(1).max(64)

const CaseSummary = z
  .object({
    id: z.string(), caseNo: z.string().nullable(), itemId: z.string(), itemName: z.string(), status: z.enum(CASE_STATUSES),
    outcome: z.string().nullable(), intake: z.string(), revision: z.number(), createdAt: z.string(),
    submittedAt: z.string().nullable(), completedAt: z.string().nullable(), promiseDue: z.string().nullable(),
  })
  .openapi('CaseSummary')

const Awaiting = z.array(z.object({ messageName: z.string(), elementId: z.string(), label: z.string() })).openapi({
  description: 'Messages the process waits for that the viewer may deliver (hall:deliveredBy="initiator"; the applicant only), e.g. 假满返校销假',
})
const CaseListItem = CaseSummary.extend({ awaiting: Awaiting }).openapi('CaseListItem')

const TimelineEntry = z.object({
  type: z.string(), at: z.string(), step: z.string().nullable(), stepName: z.string().nullable(), handlerId: z.string().nullable(),
  handlerName: z.string().nullable(), due: z.string().nullable(), outcome: z.string().nullable(), comment: z.string().nullable(),
  signature: z.string().nullable().openapi({ description: 'Handwritten signature of a completed step: a PNG data URL' }),
})
const OpenStep = z.object({
  taskId: z.string(), step: z.string(), name: z.string().nullable(), assignees: z.array(z.object({ id: z.string(), name: z.string() })),
  status: z.string(), createdAt: z.string(), due: z.string().nullable(), warn: z.boolean(), overdue: z.boolean(),
})
const CaseDetail = CaseSummary.extend({
  version: z.number().nullable(),
  form: z.unknown(),
  bpmn: z.string().nullable().openapi({ description: 'BPMN XML of the version, for the progress diagram' }),
  data: FormData,
  applicant: z.object({ id: z.string(), name: z.string(), phone: z.string().nullable().openapi({ description: 'Masked (139****1001) for anyone but the applicant' }) }),
  timeline: z.array(TimelineEntry),
  openSteps: z.array(OpenStep),
  awaiting: Awaiting,
  evaluation: z.object({ rating: z.enum(RATINGS), comment: z.string().nullable(), createdAt: z.string() }).nullable(),
  complaints: z.array(z.object({ id: z.string(), text: z.string(), status: z.string(), createdAt: z.string() })),
}).openapi('CaseDetail')

const Receipt = z
  .object({
    caseId: z.string(), caseNo: z.string(), itemName: z.string(), submittedAt: z.string(), status: z.enum(CASE_STATUSES),
    nextSteps: z.array(z.object({ name: z.string().nullable(), due: z.string().nullable() })), promiseDue: z.string().nullable(),
  })
  .openapi('CaseReceipt')

const list = createRoute({
  method: 'get', path: '/', tags: ['cases'], summary: 'My applications, or (scope=window) the cases of the windows I staff',
  request: {
    query: z.object({
      scope: z.enum(['mine', 'window']).default('mine'),
      status: z.enum(CASE_STATUSES).optional(),
      itemId: Id.optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(CaseListItem) }), 'Newest first'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['cases'], summary: 'Start a draft application of a published item',
  request: jsonBody(z.strictObject({ itemId: Id, data: FormData.default({}), applicantId: Id.optional().openapi({ description: 'Desk intake by window staff: the person applying at the counter' }) })),
  responses: { 201: jsonResponse(CaseSummary, 'The draft'), ...commonErrors, ...conflictError },
})
const get = createRoute({
  method: 'get', path: '/{id}', tags: ['cases'], summary: 'A case with its timeline and open steps',
  request: { params: IdParam },
  responses: { 200: jsonResponse(CaseDetail, 'The case'), ...commonErrors },
})
const diagram = createRoute({
  method: 'get', path: '/{id}/diagram', tags: ['cases'], summary: "The case's BPMN with the element ids to mark done and current",
  request: { params: IdParam },
  responses: {
    200: jsonResponse(z.object({ bpmn: z.string(), done: z.array(z.string()), current: z.array(z.string()) }).openapi('CaseDiagram'), 'The progress diagram'),
    ...commonErrors,
  },
})
const save = createRoute({
  method: 'patch', path: '/{id}', tags: ['cases'], summary: 'Autosave a draft (409 VERSION_CONFLICT when the revision is stale)',
  request: { params: IdParam, ...jsonBody(z.strictObject({ data: FormData, revision: z.number().int().min(1) })) },
  responses: { 200: jsonResponse(CaseSummary, 'Saved'), ...commonErrors, ...conflictError },
})
const submit = createRoute({
  method: 'post', path: '/{id}/submit', tags: ['cases'], summary: 'Submit a draft: validate, number, start the process; answers the receipt',
  request: { params: IdParam, ...jsonBody(z.strictObject({ data: FormData.optional(), revision: z.number().int().min(1).optional() })) },
  responses: { 200: jsonResponse(Receipt, 'The receipt'), ...commonErrors, ...conflictError },
})
const withdraw = createRoute({
  method: 'post', path: '/{id}/withdraw', tags: ['cases'], summary: 'Withdraw my case while nobody has acted on the next step',
  request: { params: IdParam, ...jsonBody(z.strictObject({ reason: z.string().trim().max(500).optional() })) },
  responses: { 200: jsonResponse(CaseSummary, 'Withdrawn'), ...commonErrors, ...conflictError },
})
const evaluate = createRoute({
  method: 'post', path: '/{id}/evaluation', tags: ['cases'], summary: 'Rate the service once the case is finished',
  request: { params: IdParam, ...jsonBody(z.strictObject({ rating: z.enum(RATINGS), comment: z.string().trim().max(1000).optional() })) },
  responses: { 201: jsonResponse(z.object({ id: z.string(), rating: z.enum(RATINGS) }), 'Recorded'), ...commonErrors, ...conflictError },
})
const invite = createRoute({
  method: 'post', path: '/{id}/evaluation-invitation', tags: ['cases'], summary: '邀请评价: the window asks the applicant of a finished case to rate the service; answers the notice',
  request: { params: IdParam, ...jsonBody(z.strictObject({})) },
  responses: {
    201: jsonResponse(Notice, 'The invitation notice'),
    ...commonErrors, ...conflictError,
  },
})
const complain = createRoute({
  method: 'post', path: '/{id}/complaints', tags: ['cases'], summary: 'File a complaint about my case',
  request: { params: IdParam, ...jsonBody(z.strictObject({ text: z.string().trim().min(5, '请至少写 5 个字说明投诉内容').max(4000) })) },
  responses: { 201: jsonResponse(z.object({ id: z.string(), status: z.string() }), 'Filed'), ...commonErrors, ...conflictError },
})
const deliver = createRoute({
  method: 'post', path: '/{id}/messages', tags: ['cases'], summary: 'Deliver a message my case waits for from me (e.g. 销假, reporting back); answers the case',
  request: { params: IdParam, ...jsonBody(z.strictObject({ messageName: z.string().trim().min(1).max(200), comment: z.string().trim().max(1000).optional() })) },
  responses: { 200: jsonResponse(CaseDetail, 'The case after the message'), ...commonErrors, ...conflictError },
})

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })
async function summaryOf(c: Context<AppEnv>, row: CaseRow) {
  const [item] = await c.get('deps').database.db.select({ name: items.name }).from(items).where(eq(items.id, row.itemId))
  return caseSummary(row, item?.name ?? '')
}

async function detailOf(c: Context<AppEnv>, caseId: string) {
  const { db } = c.get('deps').database
  const row = await visibleCase(db, requireActor(c), caseId)
  return caseDetail(db, engineOf(c.get('deps')), requireActor(c), row, c.get('deps').now())
}

/** /api/cases: the applicant's side of a case (办件), from draft to evaluation. */
export const caseRoutes = createRouter()
  .openapi(list, async (c) => {
    const { db } = c.get('deps').database
    return c.json({ items: await listCases(db, engineOf(c.get('deps')), requireActor(c), c.req.valid('query')) }, 200)
  })
  .openapi(create, async (c) => {
    const row = await createDraft(caller(c), c.req.valid('json'))
    return c.json(await summaryOf(c, row), 201)
  })
  .openapi(get, async (c) => c.json(await detailOf(c, c.req.valid('param').id), 200))
  .openapi(diagram, async (c) => {
    const { db } = c.get('deps').database
    return c.json(await caseDiagram(db, await visibleCase(db, requireActor(c), c.req.valid('param').id)), 200)
  })
  .openapi(save, async (c) => {
    const row = await saveDraft(caller(c), c.req.valid('param').id, c.req.valid('json'))
    return c.json(await summaryOf(c, row), 200)
  })
  .openapi(submit, async (c) => c.json(await submitCase(caller(c), c.req.valid('param').id, c.req.valid('json')), 200))
  .openapi(withdraw, async (c) => {
    const row = await withdrawCase(caller(c), c.req.valid('param').id, c.req.valid('json').reason)
    return c.json(await summaryOf(c, row), 200)
  })
  .openapi(evaluate, async (c) => {
    const saved = await evaluateCase(caller(c), c.req.valid('param').id, c.req.valid('json'))
    return c.json({ id: saved.id, rating: saved.rating }, 201)
  })
  .openapi(invite, async (c) => c.json(await inviteEvaluation(caller(c), c.req.valid('param').id), 201))
  .openapi(complain, async (c) => {
    const saved = await complainAbout(caller(c), c.req.valid('param').id, c.req.valid('json').text)
    return c.json({ id: saved.id, status: saved.status }, 201)
  })
  .openapi(deliver, async (c) => {
    const { id } = c.req.valid('param')
    await deliverMessage(caller(c), id, c.req.valid('json'))
    return c.json(await detailOf(c, id), 200)
  })
  .route('/', intakeRoutes)
  .route('/', deskRoutes)
