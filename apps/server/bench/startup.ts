/**
 * Start time to ready and idle memory of the built server (`node dist/cli.mjs start`):
 *   cold — a new, empty data folder (initdb from the template, migrate, seed the demo);
 *   warm — the same folder again.
 * On PGlite always, and on PostgreSQL (a scratch database) when DATABASE_URL is set.
 * Run: `pnpm build && pnpm bench:startup`. Prints one JSON line per database.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openScratchPostgres } from '../test/databases'

const CLI = join(import.meta.dirname, '../dist/cli.mjs')
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const IDLE_MS = 5_000

const freePort = () =>
  new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number }
      probe.close(() => done(port))
    })
  })

/** Starts the server, returns ms until /api/ready answered and its RSS after idling, then stops it. */
async function startOnce(env: Record<string, string>, measureIdle: boolean) {
  const port = await freePort()
  const started = performance.now()
  // Only the variables given here choose the database: the bench's own DATABASE_URL is not passed on.
  const { DATABASE_URL: _ours, ...inherited } = process.env
  const child = spawn(process.execPath, [CLI, 'start'], { env: { ...inherited, ...env, HALL_PORT: String(port), HALL_LOG_LEVEL: 'warn' }, stdio: 'ignore' })
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`)
      const ready = await fetch(`http://127.0.0.1:${port}/api/ready`).then((r) => r.ok, () => false)
      if (ready) break
      await new Promise((done) => setTimeout(done, 50))
    }
    const readyMs = performance.now() - started
    let rssMb: number | undefined
    if (measureIdle) {
      await new Promise((done) => setTimeout(done, IDLE_MS))
      const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
      rssMb = Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024
    }
    return { readyMs, rssMb }
  } finally {
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

async function bench(database: string, freshEnv: () => Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>) {
  const cold: number[] = []
  const warm: number[] = []
  const rss: number[] = []
  for (let run = 0; run < RUNS; run++) {
    const { env, cleanup } = await freshEnv()
    try {
      cold.push((await startOnce(env, false)).readyMs)
      const again = await startOnce(env, true)
      warm.push(again.readyMs)
      rss.push(again.rssMb!)
    } finally {
      await cleanup()
    }
  }
  console.log(JSON.stringify({ database, runs: RUNS, cold_ready_ms: Math.round(median(cold)), warm_ready_ms: Math.round(median(warm)), idle_rss_mb: Math.round(median(rss)) }))
}

await bench('pglite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hall-startup-'))
  return { env: { HALL_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
})
if (process.env.DATABASE_URL) {
  const adminUrl = process.env.DATABASE_URL
  await bench('postgres', async () => {
    // An empty scratch database per run, so "cold" includes migrating and seeding it.
    const scratch = await openScratchPostgres(adminUrl)
    if (scratch.kind !== 'postgres') throw new Error('expected PostgreSQL')
    await scratch.db.execute('drop schema public cascade; drop schema if exists drizzle cascade; create schema public')
    return { env: { DATABASE_URL: scratch.url }, cleanup: () => scratch.close() }
  })
}
