import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, conflictError, IdParam, jsonBody, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { targetUnit } from '../access'
import { Code, Id, Name, UnitQuery } from '../schemas'
import { createPost, listPosts, resolvePostHolder, updatePost } from './service'

const Post = z
  .object({
    id: z.string(),
    unitId: z.string(),
    deptId: z.string(),
    code: z.string(),
    name: z.string(),
    aUserId: z.string().nullable(),
    bUserIds: z.array(z.string()).openapi({ description: 'B holders (顶岗) in order of precedence' }),
    createdAt: z.date(),
  })
  .openapi('Post')

const PostInput = z.strictObject({
  code: Code,
  name: Name,
  deptId: Id,
  aUserId: Id.nullable().default(null),
  bUserIds: z.array(Id).max(10).default([]),
})

const list = createRoute({
  method: 'get', path: '/', tags: ['org'], summary: 'Posts of a unit with their A and B holders',
  request: { query: UnitQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(Post) }), 'Posts'), ...commonErrors },
})
const create = createRoute({
  method: 'post', path: '/', tags: ['org'], summary: 'Create a post',
  request: { query: UnitQuery, ...jsonBody(PostInput) },
  responses: { 201: jsonResponse(Post, 'Created'), ...commonErrors, ...conflictError },
})
const update = createRoute({
  method: 'patch', path: '/{id}', tags: ['org'], summary: 'Change a post or its holders',
  request: { params: IdParam, ...jsonBody(PostInput.omit({ code: true }).partial()) },
  responses: { 200: jsonResponse(Post, 'Updated'), ...commonErrors },
})
const holder = createRoute({
  method: 'get', path: '/{id}/holder', tags: ['org'], summary: 'Who does the post\'s work at a moment (A, else the first present B)',
  request: { params: IdParam, query: z.object({ at: z.coerce.date().optional() }) },
  responses: {
    200: jsonResponse(
      z.object({ postId: z.string(), at: z.date(), userId: z.string().nullable(), role: z.enum(['A', 'B']).nullable(), absent: z.array(z.string()) }),
      'The holder, or null when every holder is away',
    ),
    ...commonErrors,
  },
})

export const postRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    return c.json({ items: await listPosts(c.get('deps').database.db, actor, targetUnit(actor, c.req.valid('query').unitId)) }, 200)
  })
  .openapi(create, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    return c.json(await createPost(c.get('deps').database.db, actor, c.get('meta'), unitId, c.req.valid('json')), 201)
  })
  .openapi(update, async (c) =>
    c.json(await updatePost(c.get('deps').database.db, requireActor(c), c.get('meta'), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(holder, async (c) => {
    const { db } = c.get('deps').database
    const at = c.req.valid('query').at ?? c.get('deps').now()
    return c.json(await resolvePostHolder(db, requireActor(c), c.req.valid('param').id, at), 200)
  })
