/**
 * The statistics at scale (issue 7): seeds BENCH_CASES (default 1,000,000) finished county cases
 * with their history on PostgreSQL, builds the rollup with `rebuildStats`, then times every
 * dashboard call through the real app as a hall admin (whole unit) and a window head.
 * Run: `DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench:stats` — it works in a
 * scratch database of its own on that server and drops it afterwards (BENCH_KEEP=1 keeps it).
 * Prints one JSON line per call: the first (cold) time and the median of BENCH_REPEAT more.
 */
import { and, eq, sql } from 'drizzle-orm'
import pino from 'pino'
import { createApp } from '../app'
import { loadConfig } from '../config'
import type { Database } from '../db/client'
import { departments, items, itemVersions, units, users } from '../db/schema'
import { rebuildStats } from '../modules/stats/refresh'
import { openScratchPostgres } from '../../test/databases'
import { DEMO_PASSWORD, seedDemo } from './demo'

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000)
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5)
const CHUNK = 100_000
const WINDOWS = ['W-INTAKE', 'W-MARKET', 'W-BUILD', 'W-HR', 'W-ESTATE'] as const
const ITEMS_PER_WINDOW = 8
const log = (message: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${message}`)

/** Forty items over the five county windows, each with a version; handlers are each window's three staff. */
async function seedItems(database: Database): Promise<string> {
  const { db } = database
  const [county] = await db.select().from(units).where(eq(units.code, 'county'))
  await db.execute(sql`create table bench_items (idx int primary key, item_id text, version_id text, dept_id text, handlers text[])`)
  for (const [w, code] of WINDOWS.entries()) {
    const [dept] = await db.select().from(departments).where(and(eq(departments.unitId, county!.id), eq(departments.code, code)))
    const key = code.slice(2).toLowerCase()
    const staff = await db.select({ id: users.id }).from(users).where(sql`${users.username} in (${`county.${key}.head`}, ${`county.${key}.1`}, ${`county.${key}.2`})`)
    for (let i = 0; i < ITEMS_PER_WINDOW; i++) {
      const idx = w * ITEMS_PER_WINDOW + i
      const itemId = `bench-item-${idx}`
      const guide = { promisedLimit: { value: 5, unit: 'wd' } }
      await db.insert(items).values({ id: itemId, unitId: county!.id, deptId: dept!.id, code: `bench-${idx}`, name: `${dept!.name}事项${i + 1}`, latestVersion: 1 })
      await db.insert(itemVersions).values({ id: `${itemId}-v1`, itemId, unitId: county!.id, version: 1, guide: guide as never, form: { type: 'object', properties: {} }, bpmn: '<bench/>', definitionId: 'bench' })
      await db.execute(sql`insert into bench_items values (${idx}, ${itemId}, ${`${itemId}-v1`}, ${dept!.id}, ${`{${staff.map((s) => s.id).join(',')}}`}::text[])`)
    }
  }
  return county!.id
}

/**
 * Cases spread over 2025-01-01 … 2026-11-30 in office hours, handled in 2 to 161 hours: 3 % refused at
 * the window, 2 % rejected, the rest approved; 60 % online; promised 5 days, so the slow ones go overdue.
 */
async function seedCases(database: Database, unitId: string): Promise<void> {
  const { db } = database
  const [applicant] = await db.select().from(users).where(eq(users.username, 'citizen.li'))
  for (let from = 1; from <= CASES; from += CHUNK) {
    const to = Math.min(CASES, from + CHUNK - 1)
    await db.execute(sql`
      insert into cases (id, unit_id, item_id, item_version_id, dept_id, case_no, applicant_id, status, outcome, data, intake, created_by, instance_id,
                         created_at, updated_at, submitted_at, completed_at, promise_due, accepted_at, accepted_by)
      select 'bench-' || g, ${unitId}, it.item_id, it.version_id, it.dept_id, 'B' || lpad(g::text, 8, '0'), ${applicant!.id},
             case when g % 33 = 0 then 'returned' when g % 50 = 0 then 'rejected' else 'completed' end,
             case when g % 33 = 0 then 'returned' when g % 50 = 0 then 'rejected' else 'agree' end,
             '{}'::jsonb, case when g % 5 < 3 then 'online' else 'desk' end, ${applicant!.id}, 'bench-i-' || g,
             t.at, t.at + t.took, t.at, t.at + t.took, t.at + interval '5 days', t.at, it.handlers[1 + g % 3]
      from generate_series(${from}::int, ${to}::int) g
      join bench_items it on it.idx = g % ${WINDOWS.length * ITEMS_PER_WINDOW}
      cross join lateral (select timestamptz '2025-01-01 09:00+08' + ((g::bigint * 7919) % 699) * interval '1 day' + (g % 8) * interval '1 hour' as at,
                                 ((g::bigint * 31) % 160 + 2) * interval '1 hour' as took) t`)
    log(`cases ${to.toLocaleString()}`)
  }
  const n = sql`substring(id from 7)::int`
  await db.execute(sql`insert into engine_history (instance_id, type, at, actor) select instance_id, 'process.started', submitted_at, applicant_id from cases where id like 'bench-%'`)
  await db.execute(sql`insert into engine_history (instance_id, type, at, actor, element, outcome)
    select instance_id, case when status = 'completed' then 'task.completed' else 'task.rejected' end, completed_at, accepted_by, 'Task_review', outcome from cases where id like 'bench-%'`)
  await db.execute(sql`insert into engine_history (instance_id, type, at, due) select instance_id, 'process.overdue', promise_due, promise_due from cases where id like 'bench-%' and completed_at > promise_due`)
  await db.execute(sql`insert into engine_history (instance_id, type, at) select instance_id, case when status = 'completed' then 'process.completed' else 'process.terminated' end, completed_at from cases where id like 'bench-%'`)
  log('history: started, step, overdue, end')
  // Every tenth case waited one working day for a supplement (补正): a notice and a suspended clock.
  await db.execute(sql`insert into engine_history (instance_id, type, at, data) select instance_id, 'clock.resumed', submitted_at + interval '1 hour', '{"suspendedWorkingMs": 25200000}'::jsonb from cases where id like 'bench-%' and ${n} % 10 = 0`)
  await db.execute(sql`insert into case_notices (id, case_id, unit_id, kind, data, created_at, created_by)
    select 'bench-n-' || id, id, unit_id, 'supplement', '{}'::jsonb, submitted_at, accepted_by from cases where id like 'bench-%' and ${n} % 10 = 0`)
  // Seven in ten rate the service: one in twenty unsatisfied, a third basically satisfied.
  await db.execute(sql`insert into evaluations (id, case_id, unit_id, dept_id, applicant_id, rating, created_at)
    select 'bench-e-' || id, id, unit_id, dept_id, applicant_id,
           case when ${n} % 20 = 0 then 'unsatisfied' when ${n} % 3 = 0 then 'basically_satisfied' else 'satisfied' end, completed_at + interval '1 hour'
    from cases where id like 'bench-%' and status = 'completed' and ${n} % 10 < 7`)
  await db.execute(sql`analyze`)
  log('notices, evaluations, analyze')
}

async function signIn(app: ReturnType<typeof createApp>, username: string) {
  const response = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ')
  return (path: string) => app.request(path, { headers: { cookie } })
}

async function time(name: string, call: () => Response | Promise<Response>) {
  const once = async () => {
    const started = performance.now()
    const response = await call()
    await response.arrayBuffer()
    if (response.status !== 200) throw new Error(`${name}: ${response.status}`)
    return performance.now() - started
  }
  const cold = await once()
  const warm = []
  for (let i = 0; i < REPEAT; i++) warm.push(await once())
  warm.sort((a, b) => a - b)
  console.log(JSON.stringify({ call: name, coldMs: Math.round(cold), medianMs: Math.round(warm[Math.floor(warm.length / 2)]!), maxMs: Math.round(warm.at(-1)!) }))
}

async function main() {
  if (!process.env.DATABASE_URL) throw new Error('bench:stats needs DATABASE_URL (a PostgreSQL server; it creates and drops a scratch database there)')
  const database = await openScratchPostgres(process.env.DATABASE_URL)
  try {
    await seedDemo(database.db)
    const unitId = await seedItems(database)
    let started = performance.now()
    await seedCases(database, unitId)
    console.log(JSON.stringify({ step: 'seed', cases: CASES, seconds: Math.round((performance.now() - started) / 1000) }))
    started = performance.now()
    const counted = await rebuildStats(database.db, (n, month) => log(`facts ${month}: ${n.toLocaleString()}`))
    const [rollup] = await database.db.execute<{ n: number }>(sql`select count(*)::int as n from stats_daily`) as unknown as { n: number }[]
    console.log(JSON.stringify({ step: 'rebuildStats', cases: counted, rollupRows: rollup?.n, seconds: Math.round((performance.now() - started) / 1000) }))

    const app = createApp({ database, config: loadConfig({ HALL_LOG_LEVEL: 'silent' }), log: pino({ level: 'silent' }), now: () => new Date('2026-11-30T18:00:00+08:00') })
    const [hall, head] = [await signIn(app, 'county.hall'), await signIn(app, 'county.hr.head')]
    const month = 'from=2026-11-01&to=2026-11-30'
    const year = 'from=2026-01-01&to=2026-11-30'
    await time('unit overview (month)', () => hall(`/api/stats/overview?${month}`))
    await time('unit overview (year)', () => hall(`/api/stats/overview?${year}`))
    await time('unit trend by day (month)', () => hall(`/api/stats/trend?${month}&period=day`))
    await time('unit trend by month (year)', () => hall(`/api/stats/trend?${year}&period=month`))
    await time('unit ranking of windows (year)', () => hall(`/api/stats/ranking?${year}&by=dept&metric=onTimeRate`))
    await time('unit ranking of handlers (year)', () => hall(`/api/stats/ranking?${year}&by=handler&metric=completed`))
    await time('unit distribution by item (year)', () => hall(`/api/stats/distribution?${year}&share=item`))
    await time('window head overview (year)', () => head(`/api/stats/overview?${year}`))
    // Off the fast paths: days that are no whole month (daily rows only), and one item (facts for the median).
    await time('window head overview (2026-11-05…20)', () => head('/api/stats/overview?from=2026-11-05&to=2026-11-20'))
    await time('unit overview of one item (year)', () => hall(`/api/stats/overview?${year}&item=bench-item-0`))
    await time('window head trend by week (year)', () => head(`/api/stats/trend?${year}&period=week`))
    await time('unit monthly report XLSX (2026-11)', () => hall('/api/stats/monthly-report?month=2026-11'))
    await time('unit export trend XLSX (year)', () => hall(`/api/stats/export?table=trend&${year}&period=month&format=xlsx`))
  } finally {
    if (process.env.BENCH_KEEP !== '1') await database.close()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
