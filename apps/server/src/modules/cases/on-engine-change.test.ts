import { beforeAll, describe, expect, it } from 'vitest'
import { createServerEngine } from '../../engine/server-engine'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'
import { reconcileEndedCases } from './on-engine-change'

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

describe.each(testDatabases)('cases ended by the job worker on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, { unit: 'univ', dept: 'JWC', code: 'room-booking', name: '空闲教室预约', form: { type: 'object', properties: { room: { type: 'string', title: '教室' } } }, bpmn })
  })

  it('completes the case whose last step approved itself on timeout', async () => {
    const { caseId } = await applyFor(await h.as('stu.2023001'), item.itemId, { room: '理工楼 A201' })
    h.clock.advance(3 * 24 * 3600_000)
    const engine = createServerEngine(h.database.db, { now: h.clock.now })
    expect(await engine.runDueJobs({ owner: 'test-worker' })).toBeGreaterThan(0)
    expect(await reconcileEndedCases(h.database.db, engine, h.clock.now())).toBe(1)
    const view = await json<{ status: string; outcome: string }>(await (await h.as('stu.2023001')).get(`/api/cases/${caseId}`))
    expect(view).toMatchObject({ status: 'completed', outcome: 'agree' })
    expect(await reconcileEndedCases(h.database.db, engine, h.clock.now())).toBe(0)
  })
})
