import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'

interface Notification { id: string; kind: string; title: string; body: string; link: string; caseId: string | null; readAt: string | null }
interface Page { items: Notification[]; total: number; unread: number }

describe.each(testDatabases)('notifications on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let student: UserClient
  let counsellor: UserClient
  let dean: UserClient
  let clerk: UserClient
  beforeAll(async () => {
    leave = await publishItem(h.database, { ...leaveItem, guide: { materials: [{ id: 'm1', name: '请假证明', copies: 1, form: 'copy', main: true }] } })
    ;[student, counsellor, dean, clerk] = await Promise.all([h.as('stu.2023001'), h.as('cs.counsellor'), h.as('cs.dean'), h.as('univ.hall.1')])
  })

  const mine = async (client: UserClient, query = '') => json<Page>(await client.get(`/api/notifications${query}`))
  const todo = async (client: UserClient, caseId: string) => {
    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await client.get('/api/tasks?box=todo'))
    return items.find((entry) => entry.caseId === caseId)!
  }

  it('tells each approver of the task handed to them, and the applicant that the case is finished', async () => {
    const { caseId, caseNo } = await applyFor(student, leave.itemId, leaveData)
    const first = await todo(counsellor, caseId)
    expect((await mine(counsellor)).items[0]).toMatchObject({ kind: 'task.assigned', title: '新的待办：辅导员审批', body: `学生请假（${caseNo}）等待您办理`, link: `/tasks/${first.taskId}`, caseId, readAt: null })

    await counsellor.post(`/api/tasks/${first.taskId}/agree`, {})
    const second = await todo(dean, caseId)
    expect((await mine(dean)).items[0]).toMatchObject({ kind: 'task.assigned', link: `/tasks/${second.taskId}` })
    expect((await mine(student)).items.filter((n) => n.caseId === caseId)).toEqual([])

    await dean.post(`/api/tasks/${second.taskId}/agree`, {})
    expect((await mine(student)).items[0]).toMatchObject({ kind: 'case.completed', title: '您的办件已办结', link: `/cases/${caseId}`, caseId })
  })

  it('tells the applicant when the window asks for materials, once', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    expect((await clerk.post(`/api/cases/${caseId}/supplement`, { materialIds: ['m1'] })).status).toBe(201)
    const asked = (await mine(student)).items.filter((n) => n.caseId === caseId)
    expect(asked).toMatchObject([{ kind: 'case.supplement', title: '请补正材料', link: `/cases/${caseId}` }])
  })

  it('lists unread first, marks one or all read, and answers 404 for somebody else\u2019s', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    await counsellor.post(`/api/tasks/${(await todo(counsellor, caseId)).taskId}/agree`, {})
    const before = await mine(dean)
    expect(before.unread).toBeGreaterThanOrEqual(2)
    const [newest, older] = before.items
    expect((await dean.post(`/api/notifications/${newest!.id}/read`, {})).status).toBe(200)
    expect((await counsellor.post(`/api/notifications/${older!.id}/read`, {})).status).toBe(404)

    const after = await mine(dean)
    expect(after.unread).toBe(before.unread - 1)
    expect(after.items.at(-1)).toMatchObject({ id: newest!.id, readAt: expect.any(String) })
    expect(after.items[0]!.readAt).toBeNull()
    expect((await mine(dean, '?unread=true')).items.map((n) => n.id)).not.toContain(newest!.id)

    expect(await json(await dean.post('/api/notifications/read-all', {}))).toEqual({ read: before.unread - 1 })
    expect((await mine(dean)).unread).toBe(0)
  })

  it('names the bad field of a wrong page request', async () => {
    const response = await dean.get('/api/notifications?limit=0')
    expect(response.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(response)).error.fields).toHaveProperty('limit')
  })
})
