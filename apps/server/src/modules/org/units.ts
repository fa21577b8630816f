import { createRoute, z } from '@hono/zod-openapi'
import { asc, eq } from 'drizzle-orm'
import { units, UNIT_KINDS } from '../../db/schema'
import { commonErrors, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { isPlatformAdmin } from './access'

const Unit = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), parentId: z.string().nullable() }).openapi('Unit')

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Units the caller can see (platform admins: all)',
  responses: { 200: jsonResponse(z.object({ items: z.array(Unit) }), 'Units'), ...commonErrors },
})

export const unitRoutes = createRouter().openapi(list, async (c) => {
  const actor = requireActor(c)
  const { db } = c.get('deps').database
  const columns = { id: units.id, code: units.code, name: units.name, kind: units.kind, parentId: units.parentId }
  const items = isPlatformAdmin(actor)
    ? await db.select(columns).from(units).orderBy(asc(units.code))
    : await db.select(columns).from(units).where(eq(units.id, actor.unitId))
  return c.json({ items }, 200)
})
