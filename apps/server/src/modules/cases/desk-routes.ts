import { createRoute, z } from '@hono/zod-openapi'
import { nationalFormat } from '../../http/formats'
import { commonErrors, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { findDeskApplicants } from './desk-applicant'

const DeskApplicant = z
  .object({ id: z.string(), name: z.string(), phone: z.string().nullable(), idNumber: z.string().nullable(), personNo: z.string().nullable() })
  .openapi('DeskApplicant')

const Identity = z
  .object({
    itemId: z.string().min(1).max(64),
    idNumber: nationalFormat('idCard').optional().openapi({ description: 'Resident ID number (GB 11643 check digit)' }),
    phone: nationalFormat('mobile').optional(),
    personNo: z.string().trim().min(1).max(64).optional().openapi({ description: 'The data center’s 学号/工号' }),
  })
  .refine((query) => [query.idNumber, query.phone, query.personNo].filter(Boolean).length === 1, { message: '请填写身份证号、手机号或学号/工号中的一项', path: ['idNumber'] })

const applicants = createRoute({
  method: 'get', path: '/desk/applicants', tags: ['cases'], summary: 'Desk intake: the unit’s active accounts matching the person at the counter (masked)',
  request: { query: Identity },
  responses: { 200: jsonResponse(z.object({ items: z.array(DeskApplicant) }), 'At most 10 matches'), ...commonErrors },
})

/** Desk intake (窗口代办登记) helpers, mounted under /api/cases. */
export const deskRoutes = createRouter().openapi(applicants, async (c) => {
  const { itemId, ...identity } = c.req.valid('query')
  return c.json({ items: await findDeskApplicants({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') }, itemId, identity) }, 200)
})
