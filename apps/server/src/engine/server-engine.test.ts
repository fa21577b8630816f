import { createFakeClock } from '@hall/process-engine/testing'
import { eq } from 'drizzle-orm'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../db/client'
import { engineInstances, users } from '../db/schema'
import { seedDemo } from '../seed/demo'
import { testDatabases } from '../../test/databases'
import { startJobWorker } from '../worker/job-worker'
import { inTransaction } from './drizzle-store'
import { createServerEngine } from './server-engine'

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Market_licence" name="市场准入审批" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_window" />
    <bpmn:userTask id="Task_window" name="窗口受理" hall:assignee="post:P-MARKET" hall:due="1wd" hall:onTimeout="approve" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_window" targetRef="Task_head" />
    <bpmn:userTask id="Task_head" name="部门负责人审批" hall:assignee="deptHead:1" />
    <bpmn:sequenceFlow id="f3" sourceRef="Task_head" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

// The engine on the server's own database and org tables: AB posts, department heads, timers.
describe.each(testDatabases)('process engine on the server database ($name)', (kind) => {
  let database: Database
  const ids = new Map<string, string>()
  const id = (username: string) => ids.get(username)!
  beforeAll(async () => {
    database = await kind.open()
    await seedDemo(database.db)
    for (const row of await database.db.select({ id: users.id, username: users.username }).from(users)) ids.set(row.username, row.id)
  })
  afterAll(async () => {
    await database.close()
  })

  it('routes a post to its present B holder, then to the initiator’s department head, and completes', async () => {
    // 24 Nov 2026: the market window's A holder is on leave (demo seed).
    const engine = createServerEngine(database.db, createFakeClock('2026-11-24T10:00:00+08:00'))
    const definition = await engine.deploy(BPMN)
    const instanceId = await engine.start({ definitionId: definition.id, initiator: id('county.intake.1') })
    const [window] = await engine.findTasks({ instanceId, status: 'open' })
    expect(window).toMatchObject({ element: 'Task_window', assignee: id('county.market.2') })
    expect(window!.due).toBe('2026-11-25T10:00:00.000Z') // 18:00 on the next working day, Beijing time

    await engine.complete(window!.id, { by: id('county.market.2'), outcome: 'agree' })
    const [head] = await engine.findTasks({ instanceId, status: 'open' })
    expect(head).toMatchObject({ element: 'Task_head', assignee: id('county.intake.head') })
    await engine.complete(head!.id, { by: id('county.intake.head'), outcome: 'agree' })
    expect((await engine.getInstance(instanceId))?.status).toBe('completed')
    const history = (await engine.history(instanceId)).map((event) => event.type)
    expect(history[0]).toBe('process.started')
    expect(history.at(-1)).toBe('process.completed')
  })

  it('lets the job worker approve a step whose deadline passed (超时默认同意)', async () => {
    const clock = createFakeClock('2026-11-30T10:00:00+08:00')
    const engine = createServerEngine(database.db, clock)
    const definition = await engine.deploy(BPMN)
    const instanceId = await engine.start({ definitionId: definition.id, initiator: id('county.intake.1') })
    clock.set('2026-12-01T18:00:01+08:00')
    const worker = startJobWorker(engine, { owner: 'test-worker', idleMs: 10, log: pino({ level: 'silent' }) })
    try {
      await expect.poll(async () => (await engine.findTasks({ instanceId, status: 'open' }))[0]?.element, { timeout: 10_000 }).toBe('Task_head')
    } finally {
      await worker.stop()
    }
    const autoCompleted = (await engine.history(instanceId)).find((event) => event.type === 'task.auto-completed')
    expect(autoCompleted).toMatchObject({ element: 'Task_window' })
  })

  it('commits an engine command with the caller\'s own rows, or neither when the caller fails', async () => {
    const engine = createServerEngine(database.db, createFakeClock('2026-11-24T10:00:00+08:00'))
    const definition = await engine.deploy(BPMN)
    let started = ''
    await expect(
      inTransaction(database.db, async () => {
        started = await engine.start({ definitionId: definition.id, initiator: id('county.intake.1') })
        throw new Error('the case row could not be written')
      }),
    ).rejects.toThrow('the case row')
    expect(await engine.findTasks({ instanceId: started })).toEqual([])

    const kept = await inTransaction(database.db, () => engine.start({ definitionId: definition.id, initiator: id('county.intake.1') }))
    expect(await engine.findTasks({ instanceId: kept, status: 'open' })).toHaveLength(1)
  })

  it('lets the job worker start instances from a timer start event (定时发起), and a new version replaces the schedule', async () => {
    const clock = createFakeClock('2026-12-07T09:00:00+08:00')
    const engine = createServerEngine(database.db, clock)
    const timed = (cycle: string) => BPMN.replace('id="Market_licence"', 'id="Market_daily"').replace('<bpmn:startEvent id="Start" />', `<bpmn:startEvent id="Start"><bpmn:timerEventDefinition><bpmn:timeCycle>${cycle}</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>`)
    const old = await engine.deploy(timed('R2/PT1H'))
    const definition = await engine.deploy(timed('R2/PT2H'))
    expect(await engine.definitionJobs(old.id)).toEqual([])
    clock.set('2026-12-07T13:00:00+08:00')
    // The worker runs its own engine, as `hall worker` does beside the servers.
    const worker = startJobWorker(createServerEngine(database.db, clock), { owner: 'timer-worker', idleMs: 10, log: pino({ level: 'silent' }) })
    try {
      await expect.poll(async () => (await engine.definitionJobs(definition.id)).length, { timeout: 10_000 }).toBe(0)
    } finally {
      await worker.stop()
    }
    const rows = await database.db.select({ id: engineInstances.id }).from(engineInstances).where(eq(engineInstances.definitionId, definition.id))
    const initiators = await Promise.all(rows.map(async (row) => (await engine.getInstance(row.id))!.initiator))
    expect(initiators).toEqual(['system', 'system'])
  })
})
