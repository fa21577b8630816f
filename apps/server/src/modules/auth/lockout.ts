import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { loginFailures } from '../../db/schema'

export interface LockoutPolicy {
  maxFailures: number
  lockMinutes: number
}

/** Minutes left on a lock of this user name (as typed, existing or not), or 0. */
export async function lockedMinutesLeft(db: Db, username: string, now: Date): Promise<number> {
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.username, username))
  if (!row?.lockedUntil || row.lockedUntil <= now) return 0
  return Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60_000)
}

/**
 * Counts a failed sign-in. Failures older than the lock period start a new count; reaching the
 * maximum locks the name for the lock period. Returns whether the name is now locked.
 */
export async function recordFailure(db: Db, username: string, now: Date, policy: LockoutPolicy): Promise<boolean> {
  const windowMs = policy.lockMinutes * 60_000
  const [row] = await db.select().from(loginFailures).where(eq(loginFailures.username, username))
  const fresh = !row || now.getTime() - row.firstAt.getTime() > windowMs
  const count = fresh ? 1 : row.count + 1
  const lockedUntil = count >= policy.maxFailures ? new Date(now.getTime() + windowMs) : null
  const values = { count, firstAt: fresh ? now : row.firstAt, lockedUntil }
  await db
    .insert(loginFailures)
    .values({ username, ...values })
    .onConflictDoUpdate({ target: loginFailures.username, set: values })
  return lockedUntil !== null
}

export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username))
}
