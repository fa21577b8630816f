import { storeContract } from '@hall/process-engine/testing'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe } from 'vitest'
import type { Database } from '../db/client'
import { testDatabases } from '../../test/databases'
import { createDrizzleStore } from './drizzle-store'

// The engine's own Store contract, run on the real databases: one database per kind, emptied
// before each contract case.
describe.each(testDatabases)('drizzle engine store on $name', (kind) => {
  let database: Database
  beforeAll(async () => {
    database = await kind.open()
  })
  afterAll(async () => {
    await database.close()
  })
  storeContract(kind.name, async () => {
    await database.db.execute(sql`truncate engine_definitions, engine_instances, engine_tasks, engine_jobs, engine_history`)
    return createDrizzleStore(database.db)
  })
})
