import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { ARRANGEMENT_KINDS, ARRANGEMENT_STATUSES } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { commonErrors, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { windowArrangements } from './intake-arrangements'
import { Arrangement } from './intake-routes'
import type { Caller } from './service'

const list = createRoute({
  method: 'get', path: '/', tags: ['cases'], summary: 'Tolerate-missing, joint, escalated and agency arrangements of my windows; overdue=true: past their date',
  request: {
    query: z.object({
      kind: z.enum(ARRANGEMENT_KINDS).optional(),
      status: z.enum(ARRANGEMENT_STATUSES).optional(),
      overdue: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Arrangement) }), 'Soonest due first'), ...commonErrors },
})

const caller = (c: Context<AppEnv>): Caller => ({ deps: c.get('deps'), actor: requireActor(c), meta: c.get('meta') })

/** /api/arrangements: the window's open promises (容缺 dates, 代办 24-hour deliveries, upper results). */
export const arrangementRoutes = createRouter().openapi(list, async (c) => c.json({ items: await windowArrangements(caller(c), c.req.valid('query')) }, 200))
