import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveForm } from '../../../test/leave-item'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'

/**
 * Leave with 销假: after the counsellor approves, the student reports back (Wait_return, delivered
 * by the initiator), then the counsellor confirms. While the confirmation is open, a message
 * boundary waits for `leave.extended`, which only systems deliver.
 */
const reportBackBpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:message id="Msg_returned" name="leave.returned" />
  <bpmn:message id="Msg_extended" name="leave.extended" />
  <bpmn:process id="Leave_report_back" name="学生请假（销假）" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_counsellor" />
    <bpmn:userTask id="Task_counsellor" name="辅导员审批" hall:assignee="post:P-CS-COUNSEL" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_counsellor" targetRef="Wait_return" />
    <bpmn:receiveTask id="Wait_return" name="假满返校销假" messageRef="Msg_returned" hall:deliveredBy="initiator" />
    <bpmn:sequenceFlow id="f3" sourceRef="Wait_return" targetRef="Task_confirm" />
    <bpmn:userTask id="Task_confirm" name="辅导员确认销假" hall:assignee="post:P-CS-COUNSEL" />
    <bpmn:boundaryEvent id="Extended" attachedToRef="Task_confirm" cancelActivity="false"><bpmn:messageEventDefinition messageRef="Msg_extended" /></bpmn:boundaryEvent>
    <bpmn:sequenceFlow id="f4" sourceRef="Task_confirm" targetRef="End" />
    <bpmn:sequenceFlow id="f5" sourceRef="Extended" targetRef="End_noted" />
    <bpmn:endEvent id="End" />
    <bpmn:endEvent id="End_noted" />
  </bpmn:process>
</bpmn:definitions>`

interface Awaited { messageName: string; elementId: string; label: string }
interface CaseView {
  status: string
  awaiting: Awaited[]
  openSteps: { step: string; name: string }[]
  timeline: { type: string; step: string | null; handlerName: string | null; comment: string | null }[]
}
interface ErrorBody { error: { code: string; fields?: Record<string, string> } }

describe.each(testDatabases)('the applicant reports back (销假) on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  let student: UserClient
  let counsellor: UserClient
  beforeAll(async () => {
    item = await publishItem(h.database, { unit: 'univ', dept: 'HALL', code: 'leave-report-back', name: '学生请假（销假）', form: leaveForm, bpmn: reportBackBpmn })
    ;[student, counsellor] = await Promise.all([h.as('stu.2023001'), h.as('cs.counsellor')])
  })

  const view = async (client: UserClient, caseId: string) => json<CaseView>(await client.get(`/api/cases/${caseId}`))
  const agreeOpenStep = async (caseId: string) => {
    const [step] = (await view(counsellor, caseId)).openSteps as unknown as { taskId: string }[]
    expect((await counsellor.post(`/api/tasks/${step!.taskId}/agree`, {})).status).toBe(200)
  }
  const report = (client: UserClient, caseId: string, body: Record<string, unknown>) => client.post(`/api/cases/${caseId}/messages`, body)

  it('offers 假满返校销假 to the student once approved, takes it with a comment, and the counsellor then confirms', async () => {
    const { caseId } = await applyFor(student, item.itemId, leaveData)
    expect((await view(student, caseId)).awaiting).toEqual([])
    await agreeOpenStep(caseId)

    expect((await view(student, caseId)).awaiting).toEqual([{ messageName: 'leave.returned', elementId: 'Wait_return', label: '假满返校销假' }])
    // The counsellor sees the case but is not offered the student's report.
    expect((await view(counsellor, caseId)).awaiting).toEqual([])

    const response = await report(student, caseId, { messageName: 'leave.returned', comment: '已于 11 月 25 日返校' })
    expect(response.status).toBe(200)
    const after = await json<CaseView>(response)
    expect(after.awaiting).toEqual([])
    expect(after.openSteps.map((s) => s.name)).toEqual(['辅导员确认销假'])
    expect(after.timeline.find((e) => e.type === 'message.correlated')).toMatchObject({ step: 'Wait_return', handlerName: '李明', comment: '已于 11 月 25 日返校' })
    const audited = await h.database.db.select().from(auditLog).where(and(eq(auditLog.objectId, caseId), eq(auditLog.action, 'case.message_delivered')))
    expect(audited.map((row) => row.detail)).toEqual([{ messageName: 'leave.returned', comment: '已于 11 月 25 日返校' }])

    // Reported once: a second press is refused and changes nothing.
    const again = await report(student, caseId, { messageName: 'leave.returned' })
    expect(again.status).toBe(409)
    expect((await json<ErrorBody>(again)).error.code).toBe('MESSAGE_NOT_AWAITED')

    await agreeOpenStep(caseId)
    expect((await view(student, caseId)).status).toBe('completed')
  })

  it('lists on 我的办件 what each of my cases waits for, as its page does, and nothing once reported', async () => {
    const [waiting, fresh] = [await applyFor(student, item.itemId, leaveData), await applyFor(student, item.itemId, leaveData)]
    await agreeOpenStep(waiting.caseId)
    const listed = async () => {
      const { items } = await json<{ items: { id: string; awaiting: Awaited[] }[] }>(await student.get('/api/cases?scope=mine&limit=200'))
      return new Map(items.map((entry) => [entry.id, entry.awaiting]))
    }
    const before = await listed()
    expect(before.get(waiting.caseId)).toEqual((await view(student, waiting.caseId)).awaiting)
    expect(before.get(waiting.caseId)!.map((m) => m.label)).toEqual(['假满返校销假'])
    expect(before.get(fresh.caseId)).toEqual([])

    await report(student, waiting.caseId, { messageName: 'leave.returned' })
    expect((await listed()).get(waiting.caseId)).toEqual([])
  })

  it('answers 409 before approval and for a message only systems deliver, 400 naming messageName for an unknown one', async () => {
    const { caseId } = await applyFor(student, item.itemId, leaveData)
    const early = await report(student, caseId, { messageName: 'leave.returned' })
    expect(early.status).toBe(409)
    expect((await json<ErrorBody>(early)).error).toMatchObject({ code: 'MESSAGE_NOT_AWAITED', fields: { messageName: expect.any(String) } })

    const unknown = await report(student, caseId, { messageName: 'leave.cancelled' })
    expect(unknown.status).toBe(400)
    expect((await json<ErrorBody>(unknown)).error.fields).toHaveProperty('messageName')
    const missing = await report(student, caseId, {})
    expect(missing.status).toBe(400)
    expect((await json<ErrorBody>(missing)).error.fields).toHaveProperty('messageName')

    await agreeOpenStep(caseId)
    await report(student, caseId, { messageName: 'leave.returned' })
    // The confirmation's boundary waits for leave.extended, but not from the student.
    const system = await report(student, caseId, { messageName: 'leave.extended' })
    expect(system.status).toBe(409)
    expect((await view(student, caseId)).openSteps.map((s) => s.step)).toEqual(['Task_confirm'])
  })

  it('answers 404 to anyone but the applicant, even someone who may see the case, and delivers nothing', async () => {
    const { caseId } = await applyFor(student, item.itemId, leaveData)
    await agreeOpenStep(caseId)
    const other = await h.as('stu.2023002')
    expect((await report(other, caseId, { messageName: 'leave.returned' })).status).toBe(404)
    expect((await report(counsellor, caseId, { messageName: 'leave.returned' })).status).toBe(404)
    expect((await report(student, 'no-such-case', { messageName: 'leave.returned' })).status).toBe(404)
    expect((await view(student, caseId)).awaiting.map((m) => m.elementId)).toEqual(['Wait_return'])
  })
})
