import { createRoute, z } from '@hono/zod-openapi'
import { DEPARTMENT_KINDS } from '../../../db/schema'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { targetUnit } from '../access'
import { Code, Id, Name, UnitQuery } from '../schemas'
import { createDepartment, deleteDepartment, listDepartments, updateDepartment } from './service'

const Department = z
  .object({
    id: z.string(),
    unitId: z.string(),
    parentId: z.string().nullable(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(DEPARTMENT_KINDS),
    headUserId: z.string().nullable(),
    sort: z.number(),
    createdAt: z.date(),
  })
  .openapi('Department')

const DepartmentInput = z.strictObject({
  code: Code,
  name: Name,
  kind: z.enum(DEPARTMENT_KINDS).default('office'),
  parentId: Id.nullable().default(null),
  headUserId: Id.nullable().default(null),
  sort: z.number().int().min(0).max(1_000_000).default(0),
})

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Departments and windows of a unit (flat; build the tree from parentId)',
  request: { query: UnitQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(Department) }), 'Departments'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['org'], summary: 'Create a department or window',
  request: { query: UnitQuery, ...jsonBody(DepartmentInput) },
  responses: { 201: jsonResponse(Department, 'Created'), ...commonErrors, ...conflictError },
})
const update = createRoute({
  method: 'patch', path: '/{id}', tags: ['org'], summary: 'Change a department (rename, move, set head)',
  request: { params: IdParam, ...jsonBody(DepartmentInput.partial()) },
  responses: { 200: jsonResponse(Department, 'Updated'), ...commonErrors, ...conflictError },
})
const remove = createRoute({
  method: 'delete', path: '/{id}', tags: ['org'], summary: 'Delete an empty department',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...commonErrors, ...conflictError },
})

export const departmentRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const items = await listDepartments(c.get('deps').database.db, actor, targetUnit(actor, c.req.valid('query').unitId))
    return c.json({ items }, 200)
  })
  .openapi(create, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    return c.json(await createDepartment(c.get('deps').database.db, actor, c.get('meta'), unitId, c.req.valid('json')), 201)
  })
  .openapi(update, async (c) => {
    const actor = requireActor(c)
    return c.json(await updateDepartment(c.get('deps').database.db, actor, c.get('meta'), c.req.valid('param').id, c.req.valid('json')), 200)
  })
  .openapi(remove, async (c) => {
    await deleteDepartment(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id)
    return c.body(null, 204)
  })
