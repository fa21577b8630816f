import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveBpmn, leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'

interface Diagram { bpmn: string; done: string[]; current: string[] }

describe.each(testDatabases)('what the case page reads, on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let student: UserClient
  let counsellor: UserClient
  let dean: UserClient
  beforeAll(async () => {
    leave = await publishItem(h.database, leaveItem)
    ;[student, counsellor, dean] = await Promise.all([h.as('stu.2023001'), h.as('cs.counsellor'), h.as('cs.dean')])
  })
  const diagramOf = async (client: UserClient, caseId: string) => json<Diagram>(await client.get(`/api/cases/${caseId}/diagram`))
  const todo = async (client: UserClient, caseId: string) => {
    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await client.get('/api/tasks?box=todo'))
    return items.find((entry) => entry.caseId === caseId)!.taskId
  }

  it('marks the steps passed as done and the waiting step as current, up to the end reached', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    expect(await diagramOf(student, caseId)).toEqual({ bpmn: leaveBpmn, done: ['Start'], current: ['Task_counsellor'] })

    await counsellor.post(`/api/tasks/${await todo(counsellor, caseId)}/agree`, {})
    expect(await diagramOf(student, caseId)).toMatchObject({ done: ['Gate_counsellor', 'Start', 'Task_counsellor'], current: ['Task_dean'] })

    await dean.post(`/api/tasks/${await todo(dean, caseId)}/agree`, {})
    expect(await diagramOf(dean, caseId)).toMatchObject({ done: ['End_approved', 'Gate_counsellor', 'Gate_dean', 'Start', 'Task_counsellor', 'Task_dean'], current: [] })
  })

  it('shows a step returned to as current again, not done', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    await counsellor.post(`/api/tasks/${await todo(counsellor, caseId)}/agree`, {})
    await dean.post(`/api/tasks/${await todo(dean, caseId)}/return`, { target: 'Task_counsellor', comment: '请核实' })
    const diagram = await diagramOf(student, caseId)
    expect(diagram.current).toEqual(['Task_counsellor'])
    expect(diagram.done).toContain('Task_dean')
    expect(diagram.done).not.toContain('Task_counsellor')
  })

  it('names the applicant, with the phone masked for anyone but the applicant', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const seen = async (client: UserClient) => (await json<{ applicant: { name: string; phone: string | null } }>(await client.get(`/api/cases/${caseId}`))).applicant
    expect(await seen(student)).toMatchObject({ name: '李明', phone: '13956001001' })
    expect(await seen(counsellor)).toMatchObject({ name: '李明', phone: '139****1001' })
  })

  it("answers 404 for someone else's case, as if it did not exist", async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const other = await h.as('stu.2023002')
    const response = await other.get(`/api/cases/${caseId}/diagram`)
    expect(response.status).toBe(404)
    const missing = await other.get('/api/cases/no-such-case/diagram')
    expect(missing.status).toBe(404)
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe((await json<{ error: { code: string } }>(missing)).error.code)
  })
})
