import { OpenAPIHono } from '@hono/zod-openapi'
import { bodyLimit } from 'hono/body-limit'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import type { AppDeps, AppEnv } from './http/context'
import { ApiError, toErrorResponse } from './http/errors'
import { requestMeta } from './http/request-meta'
import { auditRoutes } from './modules/audit/routes'
import { appointmentRoutes } from './modules/appointments/routes'
import { arrangementRoutes } from './modules/cases/arrangement-routes'
import { caseRoutes } from './modules/cases/routes'
import { consultationRoutes } from './modules/consultations/routes'
import { authRoutes } from './modules/auth/routes'
import { datacenterRoutes } from './modules/datacenter/routes'
import { filesRoutes } from './modules/files/routes'
import { definitionRoutes } from './modules/definitions/routes'
import { csrfProtection, loadActor } from './modules/auth/session'
import { healthRoutes } from './modules/health/routes'
import { eventRoutes } from './modules/live/routes'
import { channelsFor } from './modules/notifications/channels'
import { useChannels } from './modules/notifications/notify'
import { notificationRoutes } from './modules/notifications/routes'
import { itemRoutes } from './modules/items/routes'
import { templateRoutes } from './modules/templates/routes'
import { orgRoutes } from './modules/org/routes'
import { statsRoutes } from './modules/stats/routes'
import { taskRoutes } from './modules/tasks/routes'
import { supervisionRoutes } from './modules/supervision/routes'
import { assessmentRoutes } from './modules/assessment/routes'
import { mountWebApps } from './web/static'

/** Every API area, mounted under /api. Its type is the typed client's contract (`AppType`). */
function createApi(deps: AppDeps) {
  useChannels(channelsFor(deps.config.HALL_NOTIFY_CHANNELS, deps.log), deps.log)
  const api = new OpenAPIHono<AppEnv>()
  api.use('*', async (c, next) => {
    c.set('deps', deps)
    await next()
  })
  api.use('*', requestId())
  api.use('*', async (c, next) => {
    const started = performance.now()
    c.set('log', deps.log.child({ req: c.get('requestId') }))
    await next()
    c.get('log').info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) })
  })
  api.use('*', requestMeta)
  const jsonLimit = bodyLimit({
    maxSize: deps.config.HALL_BODY_LIMIT_KB * 1024,
    onError: () => {
      throw new ApiError(413, 'PAYLOAD_TOO_LARGE', `请求内容超过 ${deps.config.HALL_BODY_LIMIT_KB} KB 上限`)
    },
  })
  // Uploads carry their own, larger limit (modules/files/routes.ts).
  api.use('*', (c, next) => (c.req.path === '/api/files' && c.req.method === 'POST' ? next() : jsonLimit(c, next)))
  api.use('*', loadActor)
  api.use('*', csrfProtection)
  api.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `没有这个接口：${c.req.method} ${c.req.path}` } }, 404))
  api.onError(toErrorResponse)

  const routes = api
    .route('/', healthRoutes)
    .route('/auth', authRoutes)
    .route('/org', orgRoutes)
    .route('/audit', auditRoutes)
    .route('/datacenter', datacenterRoutes)
    .route('/items', itemRoutes)
    .route('/templates', templateRoutes)
    .route('/files', filesRoutes)
    .route('/cases', caseRoutes)
    .route('/arrangements', arrangementRoutes)
    .route('/consultations', consultationRoutes)
    .route('/appointments', appointmentRoutes)
    .route('/tasks', taskRoutes)
    .route('/definitions', definitionRoutes)
    .route('/supervision', supervisionRoutes)
    .route('/assessment', assessmentRoutes)
    .route('/notifications', notificationRoutes)
    .route('/events', eventRoutes)
    .route('/stats', statsRoutes)

  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'hall API', version: '0.1.0', description: '一站式服务大厅 low-code builder and runtime' },
  })
  return routes
}

export type ApiType = ReturnType<typeof createApi>

/** The whole HTTP application: the API under /api plus the two built web apps. */
export function createApp(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>()
  app.use('*', secureHeaders({ crossOriginEmbedderPolicy: false }))
  const api = createApi(deps)
  app.route('/api', api)
  mountWebApps(app, (name) => deps.log.warn(`web app "${name}" is not built; run pnpm build`))
  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `没有这个地址：${c.req.path}` } }, 404))
  app.onError(toErrorResponse)
  return app
}
