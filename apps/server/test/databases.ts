import { randomBytes } from 'node:crypto'
import postgres from 'postgres'
import { openDatabase, type Database } from '../src/db/client'
import { migrate } from '../src/db/migrate'

/**
 * The databases every integration suite runs on: embedded PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set (`.ci/run` sets it when the machine's server answers). Each suite gets
 * a fresh, migrated database of its own, so suites never see each other's rows.
 */
export interface TestDatabaseKind {
  name: 'pglite' | 'postgres'
  open(): Promise<Database>
}

export const testDatabases: TestDatabaseKind[] = [
  { name: 'pglite', open: () => openMigrated({ kind: 'pglite-memory' }) },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: () => openScratchPostgres(process.env.TEST_DATABASE_URL!) }] : []),
]

async function openMigrated(target: Parameters<typeof openDatabase>[0]): Promise<Database> {
  const database = await openDatabase(target)
  await migrate(database)
  return database
}

/** A new, migrated database on the server at `adminUrl`, dropped again on close. */
export async function openScratchPostgres(adminUrl: string): Promise<Database> {
  const name = `hall_test_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const database = await openMigrated({ kind: 'postgres', url: url.toString(), max: 4 })
  return {
    ...database,
    async close() {
      await database.close()
      const cleanup = postgres(adminUrl, { max: 1, onnotice: () => {} })
      await cleanup.unsafe(`drop database if exists ${name} with (force)`)
      await cleanup.end()
    },
  }
}
