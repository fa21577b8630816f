import { createEngine, type Engine } from '@hall/process-engine'
import { createFakeClock, type FakeClock } from '@hall/process-engine/testing'
import { count, eq } from 'drizzle-orm'
import { openDatabase, type Database } from '../src/db/client'
import { engineHistory, engineInstances } from '../src/db/schema'
import { createDrizzleStore } from '../src/engine/drizzle-store'
import { WORKER_CONCURRENCY } from '../src/server'

export const STORM_DUE = '2026-12-01T10:00:00+08:00'

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Timer_storm" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Wait" />
    <bpmn:intermediateCatchEvent id="Wait">
      <bpmn:timerEventDefinition><bpmn:timeDate xsi:type="bpmn:tFormalExpression">${STORM_DUE}</bpmn:timeDate></bpmn:timerEventDefinition>
    </bpmn:intermediateCatchEvent>
    <bpmn:sequenceFlow id="f2" sourceRef="Wait" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

/** `count` instances, each waiting on a timer due at the same second. */
export async function seedTimerStorm(database: Database, clock: FakeClock, instances: number): Promise<void> {
  const engine = createEngine({ store: createDrizzleStore(database.db), clock })
  const definition = await engine.deploy(BPMN)
  let next = 0
  const starter = async () => {
    while (next < instances) {
      next++
      await engine.start({ definitionId: definition.id, initiator: 'storm' })
    }
  }
  // A few at a time: PostgreSQL takes them in parallel, PGlite queues them.
  await Promise.all(Array.from({ length: 8 }, starter))
}

/**
 * Fires the storm with `workers` workers, each on its own connection pool as separate processes
 * would be and firing as many jobs at once as a server's worker does, until no job is left. Returns the seconds it took.
 */
export async function fireTimerStorm(url: string, workers: number): Promise<number> {
  const clock = createFakeClock(STORM_DUE)
  clock.advance(1_000)
  const pools = await Promise.all(Array.from({ length: workers }, () => openDatabase({ kind: 'postgres', url, max: WORKER_CONCURRENCY + 1 })))
  const engines: Engine[] = pools.map((pool) => createEngine({ store: createDrizzleStore(pool.db), clock }))
  const started = performance.now()
  try {
    await Promise.all(
      engines.map(async (engine, index) => {
        while ((await engine.runDueJobs({ owner: `worker-${index}`, limit: 200, concurrency: WORKER_CONCURRENCY })) > 0) {
          // keep claiming until nothing is due
        }
      }),
    )
    return (performance.now() - started) / 1000
  } finally {
    await Promise.all(pools.map((pool) => pool.close()))
  }
}

/** How many instances completed, and how many timers fired in all and at most per instance. */
export async function stormOutcome(database: Database) {
  const { db } = database
  const [completed] = await db.select({ n: count() }).from(engineInstances).where(eq(engineInstances.status, 'completed'))
  const perInstance = await db
    .select({ n: count() })
    .from(engineHistory)
    .where(eq(engineHistory.type, 'timer.fired'))
    .groupBy(engineHistory.instanceId)
  return {
    completed: completed?.n ?? 0,
    fired: perInstance.reduce((sum, row) => sum + row.n, 0),
    maxPerInstance: Math.max(0, ...perInstance.map((row) => row.n)),
  }
}
