import { createRoute, z } from '@hono/zod-openapi'
import { and, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import { auditLog } from '../../db/schema'
import { forbidden } from '../../http/errors'
import { commonErrors, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { holdsRole, isPlatformAdmin, targetUnit } from '../org/access'

const Entry = z
  .object({
    id: z.number(),
    at: z.date(),
    unitId: z.string().nullable(),
    actorId: z.string().nullable(),
    action: z.string(),
    objectType: z.string(),
    objectId: z.string().nullable(),
    ip: z.string().nullable(),
    userAgent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEntry')

const Query = z.object({
  unitId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  action: z.string().max(100).optional(),
  objectType: z.string().max(100).optional(),
  objectId: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  /** Keyset paging: pass the last id of the previous page. */
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

const list = createRoute({
  method: 'get', path: '/', tags: ['audit'], summary: 'The audit trail of a unit, newest first (unit and platform admins)',
  request: { query: Query },
  responses: { 200: jsonResponse(z.object({ items: z.array(Entry), nextBefore: z.number().nullable() }), 'A page of audit records'), ...commonErrors },
})

/** Read-only by design: the audit API has no write route at all, and the table refuses UPDATE/DELETE. */
export const auditRoutes = createRouter().openapi(list, async (c) => {
  const actor = requireActor(c)
  const { db } = c.get('deps').database
  const query = c.req.valid('query')
  const unitId = targetUnit(actor, query.unitId)
  if (!isPlatformAdmin(actor) && !(await holdsRole(db, actor, ['unit_admin'], unitId))) throw forbidden('只有单位管理员可以查看审计日志')
  const filters: SQL[] = [eq(auditLog.unitId, unitId)]
  if (query.actorId) filters.push(eq(auditLog.actorId, query.actorId))
  if (query.action) filters.push(eq(auditLog.action, query.action))
  if (query.objectType) filters.push(eq(auditLog.objectType, query.objectType))
  if (query.objectId) filters.push(eq(auditLog.objectId, query.objectId))
  if (query.from) filters.push(gte(auditLog.at, query.from))
  if (query.to) filters.push(lt(auditLog.at, query.to))
  if (query.before) filters.push(lt(auditLog.id, query.before))
  const items = await db.select().from(auditLog).where(and(...filters)).orderBy(desc(auditLog.id)).limit(query.limit)
  return c.json({ items, nextBefore: items.length === query.limit ? items.at(-1)!.id : null }, 200)
})
