import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { sql } from 'drizzle-orm'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator'
import type { PgliteDatabase } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import postgres from 'postgres'
import type { Database } from './client'

/**
 * The committed migrations folder (`apps/server/drizzle`), found by walking up from this module so
 * that it works from the source tree (tests, tsx) and from the bundle in `dist/` alike.
 */
export function migrationsFolder(): string {
  let dir = dirname(fileURLToPath(import.meta.url))
  for (;;) {
    const candidate = join(dir, 'drizzle', 'meta', '_journal.json')
    if (existsSync(candidate)) return join(dir, 'drizzle')
    const parent = dirname(dir)
    if (parent === dir) throw new Error('Could not find the drizzle migrations folder above ' + fileURLToPath(import.meta.url))
    dir = parent
  }
}

// Any fixed number: several servers starting together against one PostgreSQL migrate one at a time.
const MIGRATION_LOCK_KEY = 874_211_001

/** Applies every pending migration; safe to run at each start and from several processes at once. */
export async function migrate(database: Database): Promise<void> {
  const folder = migrationsFolder()
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: folder })
    return
  }
  // A session-level advisory lock needs one connection for lock, migration and unlock.
  const connection = postgres(database.url, { max: 1, onnotice: () => {} })
  try {
    const db = drizzlePostgres(connection)
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`)
    await migratePostgres(db, { migrationsFolder: folder })
  } finally {
    await connection.end({ timeout: 5 })
  }
}
