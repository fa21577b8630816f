import { createRoute, z } from '@hono/zod-openapi'
import { COMPLAINT_DECISIONS, COMPLAINT_STATUSES } from '../../db/schema'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { oversightScope } from './access'
import { decideComplaint, listComplaints } from './complaints'

const Complaint = z
  .object({
    id: z.string(), caseId: z.string(), text: z.string(), status: z.enum(COMPLAINT_STATUSES), createdAt: z.string(),
    decision: z.enum(COMPLAINT_DECISIONS).nullable(), responsibleId: z.string().nullable(), decisionNote: z.string().nullable(),
    decidedBy: z.string().nullable(), decidedAt: z.string().nullable(),
  })
  .openapi('Complaint')

const list = createRoute({
  method: 'get', path: '/', tags: ['supervision'], summary: 'Complaints about the cases I oversee (supervision office: the unit; window heads: their windows)',
  request: {
    query: z.object({
      status: z.enum(COMPLAINT_STATUSES).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Complaint.extend({ caseNo: z.string().nullable(), windowId: z.string(), itemName: z.string() })) }), 'Newest first'), ...commonErrors },
})
const decide = createRoute({
  method: 'post', path: '/{id}/decision', tags: ['supervision'], summary: '投诉认定 by the supervision office: upheld (counts in the assessment) or dismissed',
  request: {
    params: IdParam,
    ...jsonBody(
      z
        .strictObject({
          decision: z.enum(COMPLAINT_DECISIONS),
          note: z.string().trim().min(2, '请写明认定理由').max(2000),
          responsibleId: z.string().min(1).max(64).optional().openapi({ description: 'Upheld only: the staff member who handled the case and is held responsible' }),
        })
        .refine((body) => body.decision === 'upheld' || body.responsibleId === undefined, { message: '投诉不属实时不指定责任人', path: ['responsibleId'] }),
    ),
  },
  responses: { 200: jsonResponse(Complaint, 'Decided and closed'), ...commonErrors, ...conflictError },
})

/** /api/supervision/complaints: the office's complaint worklist and its decision (投诉认定). */
export const complaintRoutes = createRouter()
  .openapi(list, async (c) => {
    const { db } = c.get('deps').database
    return c.json({ items: await listComplaints(db, await oversightScope(db, requireActor(c)), c.req.valid('query')) }, 200)
  })
  .openapi(decide, async (c) =>
    c.json(await decideComplaint({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') }, c.req.valid('param').id, c.req.valid('json')), 200),
  )
