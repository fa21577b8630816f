import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { users } from '../../db/schema'

/** Display names by user id, for timelines and inboxes (ids the engine keeps are user ids). */
export async function namesOf(db: Db, ids: Iterable<string | null | undefined>): Promise<Map<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => typeof id === 'string' && id !== ''))]
  if (!wanted.length) return new Map()
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, wanted))
  return new Map(rows.map((row) => [row.id, row.name]))
}
