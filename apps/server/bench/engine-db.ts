/**
 * The engine persisted through the drizzle store: instances of start → user task → exclusive
 * gateway → end, started and completed one after another, beside the same database's raw rate
 * of single-row insert transactions measured in the same run.
 * Run: `pnpm bench:engine:db` (PGlite in a temporary folder; also PostgreSQL when DATABASE_URL is set).
 *
 * Four loops take turns in `BENCH_ROUNDS` rounds, so that a machine slowing down or speeding up
 * during the run weighs on all of them alike: the instances; drizzle's single-row insert
 * transaction (the raw rate of the target); the same insert prepared, as the store's statements
 * are; and the statements one instance sent, recorded once and sent again back to back with new
 * ids and no engine in between (what the database alone costs for an instance: the ceiling of
 * the ratio). Rates are over all rounds; `ratio_rounds` gives the lowest, median and highest
 * ratio of a single round.
 * Prints one JSON line per database, with the statements and transactions one instance costs
 * (counted by a drizzle logger on a second drizzle over the same client; BEGIN/COMMIT not included).
 */
import { randomUUID } from 'node:crypto'
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
import { run } from '../src/engine/statement'
import { openScratchPostgres } from '../test/databases'

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 1_000)
const RAW_TRANSACTIONS = Number(process.env.BENCH_RAW ?? 1_000)
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)

const XML = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="urn:hall:bench">
<bpmn:process id="Bench_three_step" isExecutable="true">
  <bpmn:startEvent id="s"/><bpmn:userTask id="T" hall:assignee="user:u1"/><bpmn:exclusiveGateway id="g" default="fd"/><bpmn:endEvent id="e1"/><bpmn:endEvent id="e2"/>
  <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="T"/><bpmn:sequenceFlow id="f2" sourceRef="T" targetRef="g"/>
  <bpmn:sequenceFlow id="fc" sourceRef="g" targetRef="e1"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=days &gt; 3</bpmn:conditionExpression></bpmn:sequenceFlow>
  <bpmn:sequenceFlow id="fd" sourceRef="g" targetRef="e2"/>
</bpmn:process></bpmn:definitions>`

/** The same database through a drizzle that counts the statements and transactions it runs, and records them while `recording`. */
function counting(database: Database) {
  const counts = { statements: 0, transactions: 0 }
  const recorded = { recording: false, statements: [] as { text: string; params: unknown[] }[] }
  const logger = {
    logQuery: (text: string, params: unknown[]) => {
      counts.statements++
      if (recorded.recording) recorded.statements.push({ text, params })
    },
  }
  const client = (database.db as unknown as { $client: unknown }).$client
  const db = (database.kind === 'pglite' ? drizzlePglite(client as PGlite, { schema, logger }) : drizzlePostgres(client as Sql, { schema, logger })) as unknown as Db
  const transaction = db.transaction.bind(db)
  db.transaction = ((work, config) => {
    counts.transactions++
    return transaction(work, config)
  }) as Db['transaction']
  return { db, counts, recorded }
}

/** Milliseconds `times` calls of `once` take, one after another. */
async function timed(times: number, once: (i: number) => Promise<unknown>): Promise<number> {
  const started = performance.now()
  for (let i = 0; i < times; i++) await once(i)
  return performance.now() - started
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
const round3 = (value: number) => Number(value.toFixed(3))

async function bench(name: string, database: Database) {
  try {
    const { db } = database
    await db.execute(sql`create table if not exists bench_raw (id serial primary key, body text not null)`)
    // A single-row insert transaction as drizzle writes it (postgres.js: an unnamed statement,
    // described first), and as the engine's store runs its statements (prepared, statement.ts).
    const rawInsert = (i: number) => db.transaction((tx) => tx.execute(sql`insert into bench_raw (body) values (${`row ${i}`})`))
    const preparedInsert = (i: number) => db.transaction((tx) => run(tx, 'insert into bench_raw (body) values ($1)', [`row ${i}`]))

    const at = new Date('2026-09-29T02:00:00Z')
    const counted = counting(database)
    const engine = createEngine({ store: createDrizzleStore(counted.db), clock: { now: () => at } })
    const definition = await engine.deploy(XML)
    const instance = async (i: number) => {
      const id = await engine.start({ definitionId: definition.id, initiator: 'u0', variables: { days: i % 7 } })
      const [task] = await engine.findTasks({ instanceId: id, status: 'open' })
      await engine.complete(task!.id, { by: 'u1' })
      return id
    }
    // The statements of one instance, to run again without the engine: what the database alone
    // costs for them, with the instance's ids (task and token ids begin with it) replaced by new ones.
    counted.recorded.recording = true
    const recordedId = await instance(1)
    counted.recorded.recording = false
    const recorded = counted.recorded.statements
    const statementsOnly = async () => {
      const id = randomUUID()
      for (const { text, params } of recorded) await run(db, text, params.map((value) => (typeof value === 'string' ? value.replaceAll(recordedId, id) : value)))
    }
    // Warm up each loop (statements prepared, code compiled) before measuring.
    await timed(50, instance)
    await timed(50, statementsOnly)
    await timed(50, rawInsert)
    await timed(50, preparedInsert)

    const perRound = { instances: Math.ceil(INSTANCES / ROUNDS), raw: Math.ceil(RAW_TRANSACTIONS / ROUNDS) }
    const total = { instances: 0, raw: 0, prepared: 0, statementsOnly: 0, cpu: 0 }
    const ratios: number[] = []
    counted.counts.statements = counted.counts.transactions = 0
    for (let round = 0; round < ROUNDS; round++) {
      const cpuBefore = process.cpuUsage()
      const instancesMs = await timed(perRound.instances, instance)
      // CPU of this process only (user + system): PGlite's database runs here too, PostgreSQL's does not.
      const cpu = process.cpuUsage(cpuBefore)
      const rawMs = await timed(perRound.raw, rawInsert)
      total.prepared += await timed(perRound.raw, preparedInsert)
      total.statementsOnly += await timed(perRound.instances, statementsOnly)
      total.instances += instancesMs
      total.raw += rawMs
      total.cpu += (cpu.user + cpu.system) / 1000
      ratios.push(perRound.instances / instancesMs / (perRound.raw / rawMs))
    }
    const instances = perRound.instances * ROUNDS
    const rate = (count: number, ms: number) => count / (ms / 1000)
    const instancesPerSecond = rate(instances, total.instances)
    const rawPerSecond = rate(perRound.raw * ROUNDS, total.raw)
    const preparedPerSecond = rate(perRound.raw * ROUNDS, total.prepared)
    console.log(
      JSON.stringify({
        database: name,
        instances,
        instances_completed_per_s: Math.round(instancesPerSecond),
        raw_insert_tx_per_s: Math.round(rawPerSecond),
        ratio: round3(instancesPerSecond / rawPerSecond),
        ratio_rounds: [round3(Math.min(...ratios)), round3(median(ratios)), round3(Math.max(...ratios))],
        raw_prepared_insert_tx_per_s: Math.round(preparedPerSecond),
        ratio_to_prepared: round3(instancesPerSecond / preparedPerSecond),
        statements_only_per_s: Math.round(rate(instances, total.statementsOnly)),
        ratio_statements_only: round3(rate(instances, total.statementsOnly) / rawPerSecond),
        cpu_ms_per_instance: Number((total.cpu / instances).toFixed(2)),
        statements_per_instance: Number((counted.counts.statements / instances).toFixed(2)),
        transactions_per_instance: Number((counted.counts.transactions / instances).toFixed(2)),
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
