import { systemClock } from '@hall/process-engine'
import { and, eq } from 'drizzle-orm'
import pino from 'pino'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openScratchPostgres } from '../../../test/databases'
import { EventStream, type Frame } from '../../../test/event-stream'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../test/published-item'
import { startServerProcess, startWorkerProcess, type ServerProcess, type WorkerProcess } from '../../../test/server-process'
import type { Database } from '../../db/client'
import { engineJobs } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { createServerEngine } from '../../engine/server-engine'
import { notify } from '../notifications/notify'
import { announceAfterCommit } from './announce'
import { listenerName, relayLiveBus, type LiveRelay } from './pg-relay'

const serverUrl = process.env.TEST_DATABASE_URL
const silent = pino({ level: 'silent' })

/** The counsellor's open task on `caseId`, as their inbox lists it. */
async function taskOn(counsellor: UserClient, caseId: string): Promise<string | undefined> {
  const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await counsellor.get('/api/tasks?box=todo'))
  return items.find((entry) => entry.caseId === caseId)?.taskId
}

let sentinels = 0
/**
 * Commits a real notification to `userId` from this process and reads `stream` up to it: one
 * process's NOTIFYs go out in order on its one sending connection, so whatever this process
 * announced before has then arrived. Answers the frames that came before it.
 */
async function settle(database: Database, stream: EventStream, userId: string): Promise<Frame[]> {
  const title = `哨兵 ${++sentinels}`
  await inTransaction(database.db, (tx) => notify(tx, { userIds: [userId], kind: 'task.assigned', title, body: '', link: '/' }, new Date()))
  const frames: Frame[] = []
  for (let frame = await stream.next(); frame.data.title !== title; frame = await stream.next()) frames.push(frame)
  return frames
}

/** A fresh PostgreSQL database per suite; LISTEN/NOTIFY crosses processes only on a server, PGlite is one process (live.test.ts covers its bus). */
const scratchPostgres = { name: 'postgres' as const, open: () => openScratchPostgres(serverUrl!) }

describe.skipIf(!serverUrl)('live updates across processes on PostgreSQL (skipped without TEST_DATABASE_URL)', () => {
  // This process is server A (the harness app, its bus relayed); server B is `hall start` in a process of its own.
  const a = useHarness(scratchPostgres)
  let relay: LiveRelay
  let b: ServerProcess
  let leave: PublishedItem
  let id: (username: string) => string
  let counsellorOnA: UserClient
  beforeAll(async () => {
    if (a.database.kind !== 'postgres') throw new Error('expected a PostgreSQL database')
    leave = await publishItem(a.database, leaveItem)
    id = await userIds(a.database)
    // B's own job worker fires by the real clock: on the harness's (a fixed past day) every deadline would be due at once.
    a.clock.advance(Date.now() - a.clock.now().getTime())
    relay = await relayLiveBus(a.database, { log: silent, listen: true })
    b = await startServerProcess(a.database.url)
    counsellorOnA = await a.as('cs.counsellor')
  }, 90_000)
  afterAll(async () => {
    await b?.stop()
    await relay?.stop()
  })

  it('tells an approver on one server of a task committed through the other, both ways', async () => {
    const [studentOnB, deanOnB] = await Promise.all([b.as('stu.2023001'), b.as('cs.dean')])
    const [counsellorStream, deanStream] = await Promise.all([EventStream.open(counsellorOnA), EventStream.open(deanOnB)])

    const { caseId } = await applyFor(studentOnB, leave.itemId, leaveData)
    expect((await counsellorStream.until('task.created')).at(-1)!.data).toMatchObject({ caseId })

    const taskId = await taskOn(counsellorOnA, caseId)
    expect((await counsellorOnA.post(`/api/tasks/${taskId}/agree`, { comment: '同意' })).status).toBe(200)
    expect((await deanStream.until('task.created')).at(-1)!.data).toMatchObject({ caseId })
    await Promise.all([counsellorStream.close(), deanStream.close()])
  })

  it('announces nothing of a command whose transaction rolled back', async () => {
    const student = await a.as('stu.2023001')
    const counsellorOnB = await b.as('cs.counsellor')
    const stream = await EventStream.open(counsellorOnB)
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    await settle(a.database, stream, id('cs.counsellor'))
    const taskId = (await taskOn(counsellorOnA, caseId))!

    const engine = createServerEngine(a.database.db, systemClock, announceAfterCommit(a.database.db, () => new Date(), silent))
    const undone = inTransaction(a.database.db, async () => {
      await engine.complete(taskId, { by: id('cs.counsellor'), outcome: 'agree' })
      throw new Error('the rest of the command failed')
    })
    await expect(undone).rejects.toThrow('the rest of the command failed')

    expect(await settle(a.database, stream, id('cs.counsellor'))).toEqual([])
    expect(await taskOn(counsellorOnA, caseId)).toBe(taskId)
    await stream.close()
  })

  it('listens again after its connection is cut, tells open pages to reload, and hears the next commits', async () => {
    const studentOnB = await b.as('stu.2023001')
    const stream = await EventStream.open(counsellorOnA)
    const admin = postgres(serverUrl!, { max: 1, onnotice: () => {} })
    try {
      const cut = await admin`select pg_terminate_backend(pid) as cut from pg_stat_activity where application_name = ${listenerName()}`
      expect(cut).toEqual([{ cut: true }])
    } finally {
      await admin.end()
    }
    expect((await stream.until('resync')).at(-1)!.data).toEqual({})

    const { caseId } = await applyFor(studentOnB, leave.itemId, leaveData)
    expect((await stream.until('task.created')).at(-1)!.data).toMatchObject({ caseId })
    await stream.close()
  })
})

describe.skipIf(!serverUrl)('live updates from a separate hall worker on PostgreSQL (skipped without TEST_DATABASE_URL)', () => {
  // The harness app fires no jobs itself: only the `hall worker` process can have fired the warning.
  const a = useHarness(scratchPostgres)
  let relay: LiveRelay
  let worker: WorkerProcess
  let leave: PublishedItem
  let id: (username: string) => string
  beforeAll(async () => {
    if (a.database.kind !== 'postgres') throw new Error('expected a PostgreSQL database')
    leave = await publishItem(a.database, leaveItem)
    id = await userIds(a.database)
    // The worker fires by the real clock: on the harness's (a fixed past day) every deadline would be due at once.
    a.clock.advance(Date.now() - a.clock.now().getTime())
    relay = await relayLiveBus(a.database, { log: silent, listen: true })
    worker = await startWorkerProcess(a.database.url)
  }, 90_000)
  afterAll(async () => {
    await worker?.stop()
    await relay?.stop()
  })

  it("tells the counsellor's open page when the worker fires their step's warning", async () => {
    const [student, counsellor] = await Promise.all([a.as('stu.2023001'), a.as('cs.counsellor')])
    const stream = await EventStream.open(counsellor)
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    await settle(a.database, stream, id('cs.counsellor'))
    const taskId = (await taskOn(counsellor, caseId))!

    // The step's 4 h warning, due now instead: the worker polls every second.
    const moved = await a.database.db.update(engineJobs).set({ dueAt: new Date() }).where(and(eq(engineJobs.taskId, taskId), eq(engineJobs.type, 'task.warn'))).returning()
    expect(moved).toHaveLength(1)

    expect((await stream.until('case.changed')).at(-1)!.data).toEqual({ caseId, status: 'running' })
    // The warning's effect and the job's deletion commit together, before the announcement.
    expect(await a.database.db.select().from(engineJobs).where(eq(engineJobs.id, moved[0]!.id))).toEqual([])
    await stream.close()
  })
})
