import { createRoute, z } from '@hono/zod-openapi'
import { USER_STATUSES } from '../../../db/schema'
import { nationalFormat } from '../../../http/formats'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { targetUnit } from '../access'
import { Id, Name, UnitQuery } from '../schemas'
import { createUser, getUser, listUsers, resetPassword, updateUser } from './service'

const User = z
  .object({
    id: z.string(),
    unitId: z.string(),
    username: z.string(),
    displayName: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable().openapi({ description: 'Masked (138****5678) unless the reader manages the unit' }),
    idNumber: z.string().nullable().openapi({ description: 'Masked unless the reader manages the unit' }),
    status: z.enum(USER_STATUSES),
    mustChangePassword: z.boolean(),
    hasPassword: z.boolean(),
    deptIds: z.array(z.string()),
  })
  .openapi('User')

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null)

const UserInput = z.strictObject({
  username: z.string().trim().min(2, '用户名至少 2 位').max(64).regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -'),
  displayName: Name,
  email: optional(nationalFormat('email')),
  phone: optional(nationalFormat('mobile')),
  idNumber: optional(nationalFormat('idCard')),
  deptIds: z.array(Id).max(20).default([]),
  password: z.string().max(128).optional().openapi({ description: 'Initial password; the user must change it at first sign-in' }),
})

const UserPatch = UserInput.omit({ username: true, password: true }).partial().extend({ status: z.enum(USER_STATUSES).optional() }).strict()

const ListQuery = UnitQuery.extend({
  q: z.string().trim().max(64).optional(),
  deptId: Id.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
})

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Search users of a unit',
  request: { query: ListQuery },
  responses: { 200: jsonResponse(z.object({ total: z.number(), items: z.array(User) }), 'A page of users'), ...commonErrors },
})
const get = createRoute({
  method: 'get', path: '/{id}', tags: ['org'], summary: 'One user',
  request: { params: IdParam },
  responses: { 200: jsonResponse(User, 'The user'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['org'], summary: 'Create a user',
  request: { query: UnitQuery, ...jsonBody(UserInput) },
  responses: { 201: jsonResponse(User, 'Created'), ...commonErrors, ...conflictError },
})
const update = createRoute({
  method: 'patch', path: '/{id}', tags: ['org'], summary: 'Change a user (disabling signs them out everywhere)',
  request: { params: IdParam, ...jsonBody(UserPatch) },
  responses: { 200: jsonResponse(User, 'Updated'), ...commonErrors },
})
const reset = createRoute({
  method: 'post', path: '/{id}/reset-password', tags: ['org'], summary: 'Issue a one-time temporary password',
  request: { params: IdParam },
  responses: { 200: jsonResponse(z.object({ temporaryPassword: z.string() }), 'Give it to the user in person'), ...commonErrors },
})

export const userRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const { unitId, ...query } = c.req.valid('query')
    return c.json(await listUsers(c.get('deps').database.db, actor, targetUnit(actor, unitId), query), 200)
  })
  .openapi(get, async (c) => c.json(await getUser(c.get('deps').database.db, requireActor(c), c.req.valid('param').id), 200))
  .openapi(create, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    return c.json(await createUser(c.get('deps').database.db, actor, c.get('meta'), unitId, c.req.valid('json')), 201)
  })
  .openapi(update, async (c) =>
    c.json(await updateUser(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(reset, async (c) =>
    c.json(await resetPassword(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id), 200),
  )
