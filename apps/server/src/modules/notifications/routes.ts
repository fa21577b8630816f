import { createRoute, z } from '@hono/zod-openapi'
import { NOTIFICATION_KINDS } from '../../db/schema'
import { commonErrors, IdParam, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { markAllRead, markRead, myNotifications } from './service'

const Notification = z
  .object({
    id: z.string(), kind: z.enum(NOTIFICATION_KINDS), title: z.string(), body: z.string(), link: z.string(),
    caseId: z.string().nullable(), createdAt: z.string(), readAt: z.string().nullable(),
  })
  .openapi('Notification')

const list = createRoute({
  method: 'get', path: '/', tags: ['notifications'], summary: 'My notifications: unread first, then newest first; with the unread count',
  request: {
    query: z.object({
      unread: z.enum(['true', 'false']).default('false').transform((value) => value === 'true').openapi({ description: 'Only the unread ones' }),
      limit: z.coerce.number().int().min(1).max(100).default(20),
      offset: z.coerce.number().int().min(0).default(0),
    }),
  },
  responses: { 200: jsonResponse(z.object({ items: z.array(Notification), total: z.number(), unread: z.number() }), 'A page'), ...commonErrors },
})
const read = createRoute({
  method: 'post', path: '/{id}/read', tags: ['notifications'], summary: 'Mark one of my notifications read',
  request: { params: IdParam, ...jsonBody(z.strictObject({})) },
  responses: { 200: jsonResponse(Notification, 'Read'), ...commonErrors },
})
const readAll = createRoute({
  method: 'post', path: '/read-all', tags: ['notifications'], summary: 'Mark all my notifications read',
  request: jsonBody(z.strictObject({})),
  responses: { 200: jsonResponse(z.object({ read: z.number() }), 'How many were unread'), ...commonErrors },
})

/** /api/notifications: the signed-in user's in-app notifications (站内消息). */
export const notificationRoutes = createRouter()
  .openapi(list, async (c) => c.json(await myNotifications(c.get('deps').database.db, requireActor(c), c.req.valid('query')), 200))
  .openapi(readAll, async (c) => {
    const deps = c.get('deps')
    return c.json({ read: await markAllRead(deps.database.db, requireActor(c), c.get('meta'), deps.now()) }, 200)
  })
  .openapi(read, async (c) => {
    const deps = c.get('deps')
    return c.json(await markRead(deps.database.db, requireActor(c), c.get('meta'), c.req.valid('param').id, deps.now()), 200)
  })
