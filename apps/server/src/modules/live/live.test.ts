import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { EventStream } from '../../../test/event-stream'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../test/published-item'
import { liveBus } from './bus'

/** Sends `userId` a notification straight on the bus: each stream is FIFO, so its arrival means everything before it was judged. */
function sentinel(userId: string) {
  liveBus.publish({ type: 'notification', userId, notification: { id: 'sentinel', kind: 'task.assigned', title: '', body: '', link: '', caseId: null, createdAt: '', readAt: null } })
}

describe.each(testDatabases)('live updates over SSE on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let student: UserClient
  let counsellor: UserClient
  let dean: UserClient
  let stranger: UserClient
  let id: (username: string) => string
  beforeAll(async () => {
    leave = await publishItem(h.database, leaveItem)
    id = await userIds(h.database)
    ;[student, counsellor, dean, stranger] = await Promise.all([h.as('stu.2023001'), h.as('cs.counsellor'), h.as('cs.dean'), h.as('stu.2023002')])
  })

  it('tells the next approver of their new task and the applicant of the step moving, and a stranger nothing', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const [deanStream, studentStream, strangerStream] = await Promise.all([EventStream.open(dean), EventStream.open(student), EventStream.open(stranger)])
    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await counsellor.get('/api/tasks?box=todo'))
    const task = items.find((entry) => entry.caseId === caseId)!

    expect((await counsellor.post(`/api/tasks/${task.taskId}/agree`, { comment: '同意' })).status).toBe(200)

    const toDean = await deanStream.until('task.created')
    expect(toDean.at(-1)!.data).toMatchObject({ caseId, taskId: expect.any(String) })
    expect((await studentStream.until('case.changed')).at(-1)!.data).toEqual({ caseId, status: 'running' })
    sentinel(id('stu.2023002'))
    expect((await strangerStream.until('notification')).map((frame) => frame.event)).toEqual(['notification'])
    await Promise.all([deanStream.close(), studentStream.close(), strangerStream.close()])
  })

  it('reaches every open tab of the same user, and forgets a stream once it is closed', async () => {
    const before = liveBus.size
    const tabs = await Promise.all([EventStream.open(student), EventStream.open(student)])
    expect(liveBus.size).toBe(before + 2)
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    for (const tab of tabs) expect((await tab.until('case.changed')).at(-1)!.data).toEqual({ caseId, status: 'running' })
    await Promise.all(tabs.map((tab) => tab.close()))
    await expect.poll(() => liveBus.size).toBe(before)
  })

  it('refuses a stream without a session', async () => {
    expect((await h.anonymous.get('/api/events')).status).toBe(401)
  })
})
