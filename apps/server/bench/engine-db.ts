/**
 * The engine persisted through the drizzle store: instances of start → user task → exclusive
 * gateway → end, started and completed one after another, beside the same database's raw rate
 * of single-row insert transactions measured in the same run.
 * Run: `pnpm bench:engine:db` (PGlite in a temporary folder; also PostgreSQL when DATABASE_URL is set).
 * Prints one JSON line per database, with the statements and transactions one instance costs
 * (counted by a drizzle logger on a second drizzle over the same client; BEGIN/COMMIT not included).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { PGlite } from '@electric-sql/pglite'
import { createEngine } from '@hall/process-engine'
import { sql } from 'drizzle-orm'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js'
import type { Sql } from 'postgres'
import { openDatabase, type Database, type Db } from '../src/db/client'
import * as schema from '../src/db/schema'
import { migrate } from '../src/db/migrate'
import { createDrizzleStore } from '../src/engine/drizzle-store'
import { openScratchPostgres } from '../test/databases'

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1_000)
const RAW_TRANSACTIONS = Number(process.env.BENCH_RAW ?? 1_000)

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="urn:hall:bench">
<bpmn:process id="Bench_three_step" isExecutable="true">
  <bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u1"/><bpmn:exclusiveGateway id="g" default="fd"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="g"/>
  <bpmn:sequenceFlow id="fc" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fd" sourceRef="g" targetRef="e2"/>
</bpmn:process></bpmn:definitions>`

/** The same database through a drizzle that counts the statements and transactions it runs. */
function counting(database: Database) {
  const counts = { statements: 0, transactions: 0 }
  const logger = { logQuery: () => void counts.statements++ }
  const client = (database.db as unknown as { $client: unknown }).$client
  const db = (database.kind === 'pglite' ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePostgres(client as Sql, { schema, logger })) as unknown as Db
  const transaction = db.transaction.bind(db)
  db.transaction = ((work, config) => {
    counts.transactions++
    return transaction(work, config)
  }) as Db['transaction']
  return { db, counts }
}

async function bench(name: string, database: Database) {
  try {
    const { db } = database
    await db.execute(sql`create table if not exists bench_raw (id serial primary key, body text not null)`)
    let started = performance.now()
    for (let i = 0; i < RAW_TRANSACTIONS; i++) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into bench_raw (body) values (${`row ${i}`})`)
      })
    }
    const rawPerSecond = RAW_TRANSACTIONS / ((performance.now() - started) / 1000)
    await db.execute(sql`drop table bench_raw`)

    const at = new Date('2026-09-29T02:00:00Z')
    const counted = counting(database)
    const engine = createEngine({ store: createDrizzleStore(counted.db), clock: { now: () => at } })
    const definition = await engine.deploy(XML)
    counted.counts.statements = counted.counts.transactions = 0
    started = performance.now()
    const cpuBefore = process.cpuUsage()
    for (let i = 0; i < INSTANCES; i++) {
      const id = await engine.start({ definitionId: definition.id, initiator: 'u0', variables: { days: i % 7 } })
      const [task] = await engine.findTasks({ instanceId: id, status: 'open' })
      await engine.complete(task!.id, { by: 'u1' })
    }
    const instancesPerSecond = INSTANCES / ((performance.now() - started) / 1000)
    // CPU of this process only (user + system): PGlite's database runs here too, PostgreSQL's does not.
    const cpu = process.cpuUsage(cpuBefore)
    console.log(
      JSON.stringify({
        database: name,
        instances: INSTANCES,
        instances_completed_per_s: Math.round(instancesPerSecond),
        raw_insert_tx_per_s: Math.round(rawPerSecond),
        ratio: Number((instancesPerSecond / rawPerSecond).toFixed(3)),
        cpu_ms_per_instance: Number(((cpu.user + cpu.system) / 1000 / INSTANCES).toFixed(2)),
        statements_per_instance: Number((counted.counts.statements / INSTANCES).toFixed(2)),
        transactions_per_instance: Number((counted.counts.transactions / INSTANCES).toFixed(2)),
      }),
    )
  } finally {
    await database.close()
  }
}

const dataDir = mkdtempSync(join(tmpdir(), 'hall-bench-'))
const pglite = await openDatabase({ kind: 'pglite', dataDir })
await migrate(pglite)
await bench('pglite', pglite)
rmSync(dataDir, { recursive: true, force: true })
// PostgreSQL: a scratch database on that server, dropped afterwards; your data is not touched.
if (process.env.DATABASE_URL) await bench('postgres', await openScratchPostgres(process.env.DATABASE_URL))
