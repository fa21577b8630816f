import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt } from 'drizzle-orm'
import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { Db } from '../../db/client'
import { roleGrants, sessions, users } from '../../db/schema'
import type { Actor, AppEnv } from '../../http/context'
import { ApiError } from '../../http/errors'

export const SESSION_COOKIE = 'hall_session'
/** Readable by the page's script, which echoes it in `x-csrf-token` (double submit bound to the session). */
export const CSRF_COOKIE = 'hall_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex')

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: Date
}

export async function createSession(
  db: Db,
  userId: string,
  now: Date,
  hours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const expiresAt = new Date(now.getTime() + hours * 3_600_000)
  await db.insert(sessions).values({
    tokenHash: sha256(token),
    userId,
    csrfToken,
    createdAt: now,
    expiresAt,
    ip: meta.ip,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
  })
  return { token, csrfToken, expiresAt }
}

export function setSessionCookies(c: Context<AppEnv>, session: NewSession): void {
  const secure = c.get('deps').config.HALL_COOKIE_SECURE
  const common = { path: '/', sameSite: 'Lax', secure, expires: session.expiresAt } as const
  setCookie(c, SESSION_COOKIE, session.token, { ...common, httpOnly: true })
  setCookie(c, CSRF_COOKIE, session.csrfToken, { ...common, httpOnly: false })
}

export function clearSessionCookies(c: Context<AppEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' })
  deleteCookie(c, CSRF_COOKIE, { path: '/' })
}

/** The role grants of a user: what an actor may do, wherever it comes from (a session, the CLI). */
export const grantsOf = (db: Db, userId: string) =>
  db
    .select({ role: roleGrants.role, unitId: roleGrants.unitId, deptId: roleGrants.deptId, canDelegate: roleGrants.canDelegate })
    .from(roleGrants)
    .where(eq(roleGrants.userId, userId))

async function findActor(db: Db, token: string, now: Date): Promise<Actor | undefined> {
  const tokenHash = sha256(token)
  const [row] = await db
    .select({ userId: users.id, unitId: users.unitId, username: users.username, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now), eq(users.status, 'active')))
  if (!row) return undefined
  return { ...row, roles: await grantsOf(db, row.userId), sessionTokenHash: tokenHash }
}

/** Sets `actor` when the request carries a live session cookie; leaves it undefined otherwise. */
export const loadActor: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE)
  const { database, now } = c.get('deps')
  c.set('actor', token ? await findActor(database.db, token, now()) : undefined)
  await next()
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Cookie-authenticated writes must echo the session's CSRF token in a header (a cross-site form
 * cannot read or set it), and no write may come from a foreign Origin (this also covers sign-in).
 */
export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!SAFE_METHODS.has(c.req.method)) {
    const origin = c.req.header('origin')
    if (origin && !isSameHost(origin, c.req.header('host'))) throw new ApiError(403, 'CSRF_FAILED', '拒绝跨站请求')
    const actor = c.get('actor')
    if (actor && c.req.header(CSRF_HEADER) !== actor.csrfToken) {
      throw new ApiError(403, 'CSRF_FAILED', '请求缺少有效的 CSRF 令牌，请刷新页面后重试')
    }
  }
  await next()
}

/** The signed-in user, or a 401 that the apps turn into the login page. */
export function requireActor(c: Context<AppEnv>): Actor {
  const actor = c.get('actor')
  if (!actor) throw new ApiError(401, 'UNAUTHENTICATED', '请先登录')
  return actor
}

function isSameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host
  } catch {
    return false
  }
}
