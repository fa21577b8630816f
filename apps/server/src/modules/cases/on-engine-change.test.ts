import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases, dcCollected, engineJobs, engineTasks } from '../../db/schema'
import { createServerEngine } from '../../engine/server-engine'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'

/** One step that approves itself when nobody acts within a working day (超时默认同意). */
const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Room_booking" name="空闲教室预约" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_jwc" />
    <bpmn:userTask id="Task_jwc" name="教务处审核" hall:assignee="post:P-JWC-REVIEW" hall:due="1wd" hall:onTimeout="approve" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_jwc" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

/** The room goes to a collected ledger; the contact phone back to the applicant's data-center record. */
const form = {
  type: 'object',
  properties: {
    room: { type: 'string', title: '教室', 'x-collect': 'room-ledger' },
    phone: { type: 'string', title: '联系电话', 'x-collect': 'dc:person.phone' },
  },
} as const

const DAY = 24 * 3600_000

describe.each(testDatabases)('cases ended by the job worker on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, { unit: 'univ', dept: 'JWC', code: 'room-booking', name: '空闲教室预约', form, bpmn })
  })
  const caseRow = async (caseId: string) => (await h.database.db.select().from(cases).where(eq(cases.id, caseId)))[0]!
  const ledger = (caseId: string) => h.database.db.select().from(dcCollected).where(eq(dcCollected.caseId, caseId))

  it('closes and writes back the case whose last step approved itself on timeout, in the job transaction', async () => {
    const { caseId } = await applyFor(await h.as('stu.2023001'), item.itemId, { room: '理工楼 A201', phone: '13800138001' })
    h.clock.advance(3 * DAY)
    const engine = createServerEngine(h.database.db, { now: h.clock.now })
    expect(await engine.runDueJobs({ owner: 'test-worker' })).toBeGreaterThan(0)
    const view = await json<{ status: string; outcome: string }>(await (await h.as('stu.2023001')).get(`/api/cases/${caseId}`))
    expect(view).toMatchObject({ status: 'completed', outcome: 'agree' })
    expect((await ledger(caseId)).map((row) => row.record)).toEqual([{ room: '理工楼 A201' }])
    const written = await h.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, caseId), eq(auditLog.action, 'datacenter.written_back')))
    expect(written).toHaveLength(1)
  })

  it('undoes the job whose write-back fails, keeps the case running and fires it again once the data is fixed', async () => {
    const { caseId } = await applyFor(await h.as('stu.2023001'), item.itemId, { room: '理工楼 B102', phone: '不是电话' })
    const { instanceId } = await caseRow(caseId)
    h.clock.advance(3 * DAY)
    const engine = createServerEngine(h.database.db, { now: h.clock.now })
    await expect(engine.runDueJobs({ owner: 'worker-1', leaseMs: 60_000 })).rejects.toThrow(AggregateError)
    expect(await caseRow(caseId)).toMatchObject({ status: 'running', completedAt: null })
    expect((await engine.getInstance(instanceId!))!.status).toBe('active')
    const open = await h.database.db.select().from(engineTasks).where(and(eq(engineTasks.instanceId, instanceId!), eq(engineTasks.status, 'open')))
    expect(open).toHaveLength(1)
    expect(await ledger(caseId)).toEqual([])
    // The job is kept, still leased to the worker that failed it: another takes it after the lease.
    expect(await h.database.db.select({ owner: engineJobs.lockOwner }).from(engineJobs).where(eq(engineJobs.instanceId, instanceId!))).toContainEqual({ owner: 'worker-1' })

    const row = await caseRow(caseId)
    await h.database.db.update(cases).set({ data: { ...row.data, phone: '13800138002' } }).where(eq(cases.id, caseId))
    h.clock.advance(61_000)
    expect(await engine.runDueJobs({ owner: 'worker-2' })).toBeGreaterThan(0)
    expect(await caseRow(caseId)).toMatchObject({ status: 'completed', outcome: 'agree' })
    expect((await ledger(caseId)).map((r) => r.record)).toEqual([{ room: '理工楼 B102' }])
  })
})
