import { createRoute, z } from '@hono/zod-openapi'
import { ROLES } from '../../../db/schema'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { targetUnit } from '../access'
import { Id, UnitQuery } from '../schemas'
import { grantRole, listGrants, revokeGrant } from './service'

const Grant = z
  .object({
    id: z.string(),
    unitId: z.string(),
    userId: z.string(),
    role: z.enum(ROLES),
    deptId: z.string().nullable(),
    canDelegate: z.boolean(),
    grantedBy: z.string().nullable(),
    createdAt: z.date(),
  })
  .openapi('RoleGrant')

const GrantInput = z.strictObject({
  userId: Id,
  role: z.enum(ROLES),
  deptId: Id.nullable().default(null).openapi({ description: 'Limit the grant to this department subtree; null = whole unit' }),
  canDelegate: z.boolean().default(false),
})

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Role grants of a unit',
  request: { query: UnitQuery.extend({ userId: Id.optional() }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(Grant) }), 'Grants'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['org'], summary: 'Grant a role (level by level: only within the granter\'s own scope)',
  request: { query: UnitQuery, ...jsonBody(GrantInput) },
  responses: { 201: jsonResponse(Grant, 'Granted'), ...commonErrors, ...conflictError },
})
const remove = createRoute({
  method: 'delete', path: '/{id}', tags: ['org'], summary: 'Revoke a role grant',
  request: { params: IdParam },
  responses: { 204: { description: 'Revoked' }, ...commonErrors, ...conflictError },
})

export const roleRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const { unitId, userId } = c.req.valid('query')
    return c.json({ items: await listGrants(c.get('deps').database.db, actor, targetUnit(actor, unitId), userId) }, 200)
  })
  .openapi(create, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    return c.json(await grantRole(c.get('deps').database.db, actor, c.get('meta'), unitId, c.req.valid('json')), 201)
  })
  .openapi(remove, async (c) => {
    await revokeGrant(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id)
    return c.body(null, 204)
  })
