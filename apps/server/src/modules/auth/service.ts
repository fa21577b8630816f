import { and, eq, ne, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { sessions, users } from '../../db/schema'
import type { Actor, AppDeps, RequestMeta } from '../../http/context'
import { ApiError, badInput } from '../../http/errors'
import { audit } from '../audit/record'
import { clearFailures, lockedMinutesLeft, recordFailure } from './lockout'
import { hashPassword, passwordProblem, verifyPassword } from './password'
import { createSession, type NewSession } from './session'

const loginFailed = () => new ApiError(401, 'LOGIN_FAILED', '用户名或密码错误')
const locked = (minutes: number) =>
  new ApiError(423, 'ACCOUNT_LOCKED', `登录失败次数过多，账号已临时锁定，请 ${minutes} 分钟后再试`)

/**
 * Signs a user in. Unknown user, wrong password and disabled account all get the same answer in the
 * same time; failures lock the typed name (existing or not) after the configured count.
 */
export async function login(
  deps: AppDeps,
  input: { username: string; password: string },
  meta: RequestMeta,
): Promise<{ userId: string; session: NewSession }> {
  const { db } = deps.database
  const now = deps.now()
  const username = input.username.trim().toLowerCase()
  const minutes = await lockedMinutesLeft(db, username, now)
  if (minutes > 0) throw locked(minutes)

  const [user] = await db
    .select({ id: users.id, unitId: users.unitId, passwordHash: users.passwordHash, status: users.status })
    .from(users)
    .where(sql`lower(${users.username}) = ${username}`)
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password)
  if (!user || !passwordOk || user.status !== 'active') {
    const nowLocked = await db.transaction(async (tx) => {
      const lockedNow = await recordFailure(tx, username, now, {
        maxFailures: deps.config.HALL_LOGIN_MAX_FAILURES,
        lockMinutes: deps.config.HALL_LOGIN_LOCK_MINUTES,
      })
      await audit(tx, { actor: user ? { userId: user.id, unitId: user.unitId } : undefined, meta }, {
        action: 'auth.login_failed',
        objectType: 'user',
        objectId: user?.id ?? null,
        detail: { username, locked: lockedNow },
      })
      return lockedNow
    })
    throw nowLocked ? locked(deps.config.HALL_LOGIN_LOCK_MINUTES) : loginFailed()
  }

  const session = await db.transaction(async (tx) => {
    await clearFailures(tx, username)
    const created = await createSession(tx, user.id, now, deps.config.HALL_SESSION_HOURS, meta)
    await audit(tx, { actor: { userId: user.id, unitId: user.unitId }, meta }, {
      action: 'auth.login',
      objectType: 'user',
      objectId: user.id,
    })
    return created
  })
  return { userId: user.id, session }
}

export async function logout(db: Db, actor: Actor, meta: RequestMeta): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(sessions).where(eq(sessions.tokenHash, actor.sessionTokenHash))
    await audit(tx, { actor, meta }, { action: 'auth.logout', objectType: 'user', objectId: actor.userId })
  })
}

/** Changes the caller's own password and ends their other sessions (a leaked password is cut off at once). */
export async function changePassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  meta: RequestMeta,
): Promise<void> {
  const { db } = deps.database
  const [user] = await db.select({ passwordHash: users.passwordHash }).from(users).where(eq(users.id, actor.userId))
  if (!(await verifyPassword(user?.passwordHash ?? null, input.currentPassword))) {
    throw badInput({ currentPassword: '当前密码不正确' })
  }
  const problem = passwordProblem(input.newPassword, actor.username)
  if (problem) throw badInput({ newPassword: problem })
  if (input.newPassword === input.currentPassword) throw badInput({ newPassword: '新密码不能与当前密码相同' })
  const passwordHash = await hashPassword(input.newPassword)
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: false, updatedAt: deps.now() })
      .where(eq(users.id, actor.userId))
    await tx
      .delete(sessions)
      .where(and(eq(sessions.userId, actor.userId), ne(sessions.tokenHash, actor.sessionTokenHash)))
    await audit(tx, { actor, meta }, { action: 'auth.password_changed', objectType: 'user', objectId: actor.userId })
  })
}
