import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'

interface Entry {
  taskId: string
  caseId: string
}
interface TimelineEntry {
  type: string
  step: string | null
  signature: string | null
}
interface ErrorBody {
  error: { code: string; fields?: Record<string, string> }
}

/** A real 1×1 PNG as a signature pad's `toDataURL('image/png')` gives it. */
const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='
const pngOf = (bytes: number[]) => `data:image/png;base64,${Buffer.from(bytes).toString('base64')}`
const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

describe.each(testDatabases)('handwritten signatures on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let student: UserClient
  let counsellor: UserClient
  let dean: UserClient
  let otherStudent: UserClient
  beforeAll(async () => {
    leave = await publishItem(h.database, leaveItem)
    ;[student, counsellor, dean, otherStudent] = await Promise.all([
      h.as('stu.2023001'),
      h.as('cs.counsellor'),
      h.as('cs.dean'),
      h.as('stu.2023002'),
    ])
  })

  const todoOf = async (client: UserClient, caseId: string) => {
    const { items } = await json<{ items: Entry[] }>(await client.get('/api/tasks?box=todo'))
    return items.find((entry) => entry.caseId === caseId)!
  }
  const signedSteps = async (client: UserClient, caseId: string) =>
    (await json<{ timeline: TimelineEntry[] }>(await client.get(`/api/cases/${caseId}`))).timeline
      .filter((entry) => entry.type === 'task.completed')
      .map((entry) => [entry.step, entry.signature])

  it('keeps the signature with the step and shows it in the timeline of whoever sees the case', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const agreed = await counsellor.post(
      `/api/tasks/${(await todoOf(counsellor, caseId)).taskId}/agree`,
      { comment: '同意', signature: PNG },
    )
    expect(agreed.status).toBe(200)
    await dean.post(`/api/tasks/${(await todoOf(dean, caseId)).taskId}/agree`, {})

    const expected = [
      ['Task_counsellor', PNG],
      ['Task_dean', null],
    ]
    expect(await signedSteps(student, caseId)).toEqual(expected)
    expect(await signedSteps(dean, caseId)).toEqual(expected)
    expect((await otherStudent.get(`/api/cases/${caseId}`)).status).toBe(404)
  })

  it('signs a disagreement too', async () => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    expect(
      (
        await counsellor.post(`/api/tasks/${task.taskId}/disagree`, {
          comment: '理由不足',
          signature: PNG,
        })
      ).status,
    ).toBe(200)
    expect(await signedSteps(student, caseId)).toEqual([['Task_counsellor', PNG]])
  })

  it.each([
    ['a JPEG posing as PNG', pngOf([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
    ['a data URL of another type', PNG.replace('image/png', 'image/svg+xml')],
    ['text that is not base64', 'data:image/png;base64,<svg onload=alert(1)>'],
    ['a PNG over 200 KB', pngOf([...PNG_MAGIC, ...new Array<number>(200 * 1024).fill(0)])],
  ])('refuses %s naming the signature, and the task stays open', async (_, signature) => {
    const { caseId } = await applyFor(student, leave.itemId, leaveData)
    const task = await todoOf(counsellor, caseId)
    const response = await counsellor.post(`/api/tasks/${task.taskId}/agree`, {
      comment: '同意',
      signature,
    })
    expect(response.status).toBe(400)
    expect((await json<ErrorBody>(response)).error).toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: { signature: expect.any(String) },
    })
    expect(await todoOf(counsellor, caseId)).toMatchObject({ taskId: task.taskId })
    expect(await signedSteps(student, caseId)).toEqual([])
  })
})
