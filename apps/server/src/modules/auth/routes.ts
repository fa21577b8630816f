import { createRoute, z } from '@hono/zod-openapi'
import { createRouter } from '../../http/router'
import { commonErrors, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { describeUser } from './me'
import { changePassword, login, logout } from './service'
import { clearSessionCookies, requireActor, setSessionCookies } from './session'

const RoleSchema = z.enum(['platform_admin', 'unit_admin', 'hall_admin', 'window_staff', 'approver', 'applicant'])

const MeSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    unit: z.object({ id: z.string(), name: z.string() }),
    departments: z.array(z.object({ id: z.string(), name: z.string(), isPrimary: z.boolean() })),
    posts: z.array(z.object({ id: z.string(), name: z.string(), holder: z.enum(['A', 'B']) })),
    roles: z.array(z.object({ role: RoleSchema, unitId: z.string(), deptId: z.string().nullable() })),
    mustChangePassword: z.boolean(),
  })
  .openapi('Me')

const SessionSchema = z.object({ user: MeSchema, csrfToken: z.string() }).openapi('Session')

const lockedResponse = jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }) }), 'Too many failures: locked for a while')

const loginRoute = createRoute({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: 'Sign in with a local account',
  request: jsonBody(
    z.strictObject({
      username: z.string().trim().min(1, '请输入用户名').max(64),
      password: z.string().min(1, '请输入密码').max(128),
    }),
  ),
  responses: {
    200: jsonResponse(SessionSchema, 'Signed in; session cookies set'),
    400: commonErrors[400],
    401: commonErrors[401],
    423: lockedResponse,
  },
})

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: 'Who am I',
  responses: { 200: jsonResponse(SessionSchema, 'The signed-in user'), 401: commonErrors[401] },
})

const logoutRoute = createRoute({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, 401: commonErrors[401], 403: commonErrors[403] },
})

const passwordRoute = createRoute({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: "Change the caller's password (ends their other sessions)",
  request: jsonBody(
    z.strictObject({ currentPassword: z.string().min(1, '请输入当前密码').max(128), newPassword: z.string().max(128) }),
  ),
  responses: { 204: { description: 'Changed' }, ...commonErrors },
})

export const authRoutes = createRouter()
  .openapi(loginRoute, async (c) => {
    const deps = c.get('deps')
    const { userId, session } = await login(deps, c.req.valid('json'), c.get('meta'))
    setSessionCookies(c, session)
    return c.json({ user: await describeUser(deps.database.db, userId), csrfToken: session.csrfToken }, 200)
  })
  .openapi(meRoute, async (c) => {
    const actor = requireActor(c)
    return c.json({ user: await describeUser(c.get('deps').database.db, actor.userId), csrfToken: actor.csrfToken }, 200)
  })
  .openapi(logoutRoute, async (c) => {
    await logout(c.get('deps').database.db, requireActor(c), c.get('meta'))
    clearSessionCookies(c)
    return c.body(null, 204)
  })
  .openapi(passwordRoute, async (c) => {
    await changePassword(c.get('deps'), requireActor(c), c.req.valid('json'), c.get('meta'))
    return c.body(null, 204)
  })
