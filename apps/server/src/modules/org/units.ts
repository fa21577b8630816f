import { createRoute, z } from '@hono/zod-openapi'
import { asc, eq } from 'drizzle-orm'
import { units, UNIT_KINDS } from '../../db/schema'
import { newId } from '../../db/ids'
import { badInput, conflict, forbidden } from '../../http/errors'
import { commonErrors, conflictError, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { audit } from '../audit/record'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { isPlatformAdmin } from './access'
import { Code, Id, Name } from './schemas'

const Unit = z.object({ id: z.string(), code: z.string(), name: z.string(), kind: z.enum(UNIT_KINDS), parentId: z.string().nullable() }).openapi('Unit')

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Units the caller can see (platform admins: all)',
  responses: { 200: jsonResponse(z.object({ items: z.array(Unit) }), 'Units'), ...commonErrors },
})

const create = createRoute({
  method: 'post', path: '/', tags: ['org'], summary: 'Create a unit (platform admins)',
  request: jsonBody(z.strictObject({ code: Code, name: Name, kind: z.enum(UNIT_KINDS), parentId: Id.nullable().default(null) })),
  responses: { 201: jsonResponse(Unit, 'Created'), ...commonErrors, ...conflictError },
})

export const unitRoutes = createRouter().openapi(create, async (c) => {
  const actor = requireActor(c)
  if (!isPlatformAdmin(actor)) throw forbidden('只有平台管理员可以创建单位')
  const { db } = c.get('deps').database
  const input = c.req.valid('json')
  const [clash] = await db.select({ id: units.id }).from(units).where(eq(units.code, input.code))
  if (clash) throw conflict('DUPLICATE_CODE', `单位编码已存在：${input.code}`, { code: '编码已存在' })
  if (input.parentId && !(await db.select({ id: units.id }).from(units).where(eq(units.id, input.parentId))).length) throw badInput({ parentId: '上级单位不存在' })
  const unit = await db.transaction(async (tx) => {
    const [row] = await tx.insert(units).values({ id: newId(), ...input }).returning({ id: units.id, code: units.code, name: units.name, kind: units.kind, parentId: units.parentId })
    await audit(tx, { actor, meta: c.get('meta') }, { action: 'unit.created', objectType: 'unit', objectId: row!.id, unitId: row!.id, detail: { ...input } })
    return row!
  })
  return c.json(unit, 201)
}).openapi(list, async (c) => {
  const actor = requireActor(c)
  const { db } = c.get('deps').database
  const columns = { id: units.id, code: units.code, name: units.name, kind: units.kind, parentId: units.parentId }
  const items = isPlatformAdmin(actor)
    ? await db.select(columns).from(units).orderBy(asc(units.code))
    : await db.select(columns).from(units).where(eq(units.id, actor.unitId))
  return c.json({ items }, 200)
})
