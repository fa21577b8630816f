import { createFakeClock } from '@hall/process-engine/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/client'
import { testDatabases } from '../../test/databases'
import { fireTimerStorm, seedTimerStorm, STORM_DUE, stormOutcome } from '../../test/timer-storm'

const postgres = testDatabases.find((kind) => kind.name === 'postgres')
const INSTANCES = 10_000

// Two workers race for 10,000 timers due at the same second: every one fires, none twice.
// (Its duration is a benchmark figure, printed here and quoted in docs/benchmarks.md.)
describe.skipIf(!postgres)('a storm of timers on PostgreSQL with two workers', () => {
  let database: Database
  beforeAll(async () => {
    database = await postgres!.open()
    const clock = createFakeClock('2026-12-01T09:00:00+08:00')
    await seedTimerStorm(database, clock, INSTANCES)
  }, 600_000)
  afterAll(async () => {
    await database?.close()
  })

  it(`fires all ${INSTANCES} timers exactly once`, async () => {
    expect(database.kind).toBe('postgres')
    const seconds = await fireTimerStorm((database as Extract<Database, { kind: 'postgres' }>).url, 2)
    console.log(`timer storm: ${INSTANCES} timers due at ${STORM_DUE} fired by 2 workers in ${seconds.toFixed(2)} s`)
    expect(await stormOutcome(database)).toEqual({ completed: INSTANCES, fired: INSTANCES, maxPerInstance: 1 })
  }, 600_000)
})
