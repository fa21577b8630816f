import { mkdirSync } from 'node:fs'
import { resolve } from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import postgres from 'postgres'
import { acquireDataDirLock } from './data-dir-lock'
import { withPreparedStatements } from './pglite-prepared'
import { isUninitialised, loadTemplate } from './pglite-template'
import * as schema from './schema'

export type Schema = typeof schema
/** A database or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>

export type Database = (
  | { kind: 'pglite' }
  | { kind: 'postgres'; /** Connection URL, for tools that need their own connection (migrations). */ url: string }
) & {
  db: Db
  /** Where it lives, for logs: the data folder or the server's host and database name (never the password). */
  location: string
  close(): Promise<void>
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite-memory' }
  | { kind: 'postgres'; url: string; max?: number }

/**
 * Opens the database: embedded PGlite in a data folder (zero setup), or PostgreSQL through
 * postgres.js. PGlite has no lock of its own and two processes on one folder silently lose
 * committed rows, so the folder is locked for this process first (see data-dir-lock.ts).
 */
export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'postgres') {
    const sql = postgres(target.url, { max: target.max ?? 10, onnotice: () => {} })
    const url = new URL(target.url)
    return {
      db: drizzlePostgres(sql, { schema }) as unknown as Db,
      kind: 'postgres',
      url: target.url,
      location: `${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => sql.end({ timeout: 5 }),
    }
  }
  if (target.kind === 'pglite-memory') {
    const client = await PGlite.create({ loadDataDir: loadTemplate() })
    return pgliteDatabase(client, 'memory', async () => {})
  }
  const dataDir = resolve(target.dataDir)
  mkdirSync(dataDir, { recursive: true })
  const lock = await acquireDataDirLock(dataDir)
  try {
    const pgDir = resolve(dataDir, 'pg')
    const client = await PGlite.create(pgDir, { loadDataDir: isUninitialised(pgDir) ? loadTemplate() : undefined })
    return pgliteDatabase(client, dataDir, lock.release)
  } catch (error) {
    await lock.release()
    throw error
  }
}

function pgliteDatabase(client: PGlite, location: string, releaseLock: () => Promise<void>): Database {
  return {
    db: drizzlePglite(withPreparedStatements(client), { schema }) as unknown as Db,
    kind: 'pglite' as const,
    location,
    async close() {
      await client.close()
      await releaseLock()
    },
  }
}
