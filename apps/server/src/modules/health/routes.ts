import { createRoute, z } from '@hono/zod-openapi'
import { sql } from 'drizzle-orm'
import { createRouter } from '../../http/router'
import { jsonResponse } from '../../http/openapi-schemas'

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['health'],
  summary: 'The process is up (liveness)',
  responses: { 200: jsonResponse(z.object({ status: z.literal('ok') }), 'Alive') },
})

const ReadySchema = z.object({ status: z.enum(['ready', 'unavailable']), database: z.enum(['pglite', 'postgres']) })

const readyRoute = createRoute({
  method: 'get',
  path: '/ready',
  tags: ['health'],
  summary: 'The database answers (readiness)',
  responses: { 200: jsonResponse(ReadySchema, 'Ready to serve'), 503: jsonResponse(ReadySchema, 'Database unavailable') },
})

export const healthRoutes = createRouter()
  .openapi(healthRoute, (c) => c.json({ status: 'ok' as const }, 200))
  .openapi(readyRoute, async (c) => {
    const { database, log } = c.get('deps')
    try {
      await database.db.execute(sql`select 1`)
      return c.json({ status: 'ready' as const, database: database.kind }, 200)
    } catch (error) {
      log.warn({ err: error }, 'readiness check failed')
      return c.json({ status: 'unavailable' as const, database: database.kind }, 503)
    }
  })
