/**
 * API latency under load (issue 6 "Done when"): p50 / p99 of the approver's inbox
 * (`GET /api/tasks?box=todo`) and of an approval (`POST /api/tasks/:id/agree`, every request a
 * different task) with autocannon at 50 concurrent connections, on PGlite and, when DATABASE_URL
 * is set, on PostgreSQL in a scratch database created for the run and dropped after it.
 * The server is started in this process as `hall start` starts it (migrate, demo seed, job worker);
 * the student leave item is published and BENCH_CASES cases are applied for through the API first,
 * each waiting at the counsellor's step.
 * Run: `pnpm bench:api` (from the repository root). Prints a table, then one JSON line per database.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomBytes } from 'node:crypto'
import autocannon from 'autocannon'
import { and, eq } from 'drizzle-orm'
import postgres from 'postgres'
import { loadConfig } from '../src/config'
import { engineTasks, users } from '../src/db/schema'
import { DEMO_PASSWORD } from '../src/seed/demo'
import { startServer, type RunningServer } from '../src/server'
import { leaveData, leaveItem } from '../test/leave-item'
import { publishItem } from '../test/published-item'

const CONNECTIONS = 50
/** Seconds before autocannon gives a request up: generous, a loaded machine answers slowly but answers. */
const TIMEOUT_S = 120
const CASES = Number(process.env.BENCH_CASES ?? 500)
const INBOX_SECONDS = Number(process.env.BENCH_INBOX_SECONDS ?? 10)
/** A CS student: the counsellor post P-CS-COUNSEL gets every leave application of theirs. */
const APPLICANT = 'stu.2023001'

interface Session {
  cookie: string
  csrfToken: string
}

async function signIn(url: string, username: string): Promise<Session> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) })
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`)
  const cookie = response.headers.getSetCookie().map((c) => c.split(';')[0]!).join('; ')
  return { cookie, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken }
}

const headers = (session: Session) => ({ cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' })

async function post(url: string, session: Session, path: string, body: unknown): Promise<{ id?: string }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: headers(session), body: JSON.stringify(body) })
  if (response.status >= 300) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`)
  return (await response.json()) as { id?: string }
}

/** Applies for the leave item CASES times through the API (10 at a time); returns the counsellor's open task ids. */
async function prepare(server: RunningServer): Promise<{ approver: Session; taskIds: string[] }> {
  const { itemId } = await publishItem(server.database, leaveItem)
  const student = await signIn(server.url, APPLICANT)
  for (let done = 0; done < CASES; done += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, CASES - done) }, async () => {
        const { id } = await post(server.url, student, '/api/cases', { itemId })
        await post(server.url, student, `/api/cases/${id}/submit`, { data: leaveData })
      }),
    )
  }
  // The counsellor post's A holder, or its B holder while the demo has A away (AB岗).
  const [holder] = await server.database.db
    .selectDistinct({ username: users.username })
    .from(engineTasks)
    .innerJoin(users, eq(users.id, engineTasks.assignee))
    .where(and(eq(engineTasks.element, 'Task_counsellor'), eq(engineTasks.status, 'open')))
  if (!holder) throw new Error('Expected the leave applications to wait at Task_counsellor, but none does')
  const approver = await signIn(server.url, holder.username)
  const taskIds: string[] = []
  for (let offset = 0; ; offset += 200) {
    const response = await fetch(`${server.url}/api/tasks?box=todo&limit=200&offset=${offset}`, { headers: headers(approver) })
    if (response.status !== 200) throw new Error(`inbox: ${response.status} ${await response.text()}`)
    const { items } = (await response.json()) as { items: { taskId: string | null }[] }
    taskIds.push(...items.flatMap((item) => (item.taskId ? [item.taskId] : [])))
    if (items.length < 200) break
  }
  if (taskIds.length < CASES) throw new Error(`Expected ${CASES} tasks in ${holder.username}'s inbox, but found ${taskIds.length}`)
  return { approver, taskIds }
}

interface Figures {
  requests: number
  non2xx: number
  errors: number
  p50: number
  p99: number
  perSecond: number
}

function figures(result: autocannon.Result): Figures {
  return { requests: result.requests.total, non2xx: result.non2xx, errors: result.errors, p50: result.latency.p50, p99: result.latency.p99, perSecond: Math.round(result.requests.average) }
}

async function measure(name: string, server: RunningServer): Promise<Record<string, Figures>> {
  const { approver, taskIds } = await prepare(server)
  const inbox = await autocannon({
    url: `${server.url}/api/tasks?box=todo`,
    connections: CONNECTIONS,
    duration: INBOX_SECONDS,
    timeout: TIMEOUT_S,
    headers: headers(approver),
  })
  let next = 0
  const agree = await autocannon({
    url: server.url,
    connections: CONNECTIONS,
    amount: taskIds.length,
    timeout: TIMEOUT_S,
    method: 'POST',
    headers: headers(approver),
    body: '{}',
    requests: [{ setupRequest: (request) => ({ ...request, path: `/api/tasks/${taskIds[next++]}/agree` }) }],
  })
  const result = { inbox: figures(inbox), agree: figures(agree) }
  console.log(JSON.stringify({ database: name, connections: CONNECTIONS, cases: CASES, ...result }))
  return result
}

/** A fresh database on the PostgreSQL server at `adminUrl` for one run, dropped after it. */
async function withScratchPostgres<T>(adminUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `hall_bench_${randomBytes(6).toString('hex')}`
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  await admin.unsafe(`create database ${name}`)
  try {
    const url = new URL(adminUrl)
    url.pathname = `/${name}`
    return await work(url.toString())
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`)
    await admin.end()
  }
}

async function run(name: string, env: Record<string, string>): Promise<Record<string, Figures>> {
  const server = await startServer(loadConfig({ HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_LOG_LEVEL: 'error', ...env }))
  try {
    return await measure(name, server)
  } finally {
    await server.close()
  }
}

const rows: [string, Record<string, Figures>][] = []
const dataDir = mkdtempSync(join(tmpdir(), 'hall-bench-api-'))
try {
  rows.push(['PGlite', await run('pglite', { HALL_DATA_DIR: dataDir })])
} finally {
  rmSync(dataDir, { recursive: true, force: true })
}
const databaseUrl = process.env.DATABASE_URL
if (databaseUrl) rows.push(['PostgreSQL', await withScratchPostgres(databaseUrl, (url) => run('postgres', { DATABASE_URL: url }))])

console.log(`\n| database | request | requests | p50 ms | p99 ms | req/s | non-2xx |`)
console.log(`| --- | --- | --- | --- | --- | --- | --- |`)
for (const [database, result] of rows) {
  for (const [request, label] of [['inbox', 'GET /api/tasks?box=todo'], ['agree', 'POST /api/tasks/:id/agree']] as const) {
    const f = result[request]!
    console.log(`| ${database} | ${label} | ${f.requests} | ${f.p50} | ${f.p99} | ${f.perSecond} | ${f.non2xx + f.errors} |`)
  }
}
