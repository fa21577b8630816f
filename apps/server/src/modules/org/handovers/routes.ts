import { createRoute, z } from '@hono/zod-openapi'
import { ABSENCE_KINDS, HANDOVER_DIRECTIONS } from '../../../db/schema'
import { commonErrors, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { Id, UnitQuery } from '../schemas'
import { listHandovers } from './service'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
const Person = z.object({ id: z.string(), name: z.string() })

const Handover = z
  .object({
    id: z.string(),
    at: z.string(),
    direction: z.enum(HANDOVER_DIRECTIONS),
    taskId: z.string(),
    taskName: z.string().nullable(),
    caseId: z.string(),
    caseNo: z.string().nullable(),
    itemName: z.string(),
    from: Person,
    to: Person,
    deptId: z.string(),
    deptName: z.string(),
    postName: z.string(),
    absence: z
      .object({
        id: z.string(),
        kind: z.enum(ABSENCE_KINDS),
        startsAt: z.string(),
        endsAt: z.string(),
      })
      .nullable(),
  })
  .openapi('Handover')

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['org'],
  summary: 'AB-post handovers (交接记录) for window heads and unit admins',
  request: {
    query: UnitQuery.extend({ deptId: Id.optional(), from: day.optional(), to: day.optional() }),
  },
  responses: {
    200: jsonResponse(
      z.object({ items: z.array(Handover) }),
      'Handovers, newest first (at most 500)',
    ),
    ...commonErrors,
  },
})

export const handoverRoutes = createRouter().openapi(list, async (c) =>
  c.json(
    {
      items: await listHandovers(c.get('deps').database.db, requireActor(c), c.req.valid('query')),
    },
    200,
  ),
)
