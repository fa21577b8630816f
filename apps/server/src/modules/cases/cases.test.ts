import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { publishItem, type PublishedItem } from '../../../test/published-item'

interface Draft { id: string; revision: number; status: string; caseNo: string | null }
interface Receipt { caseId: string; caseNo: string; itemName: string; submittedAt: string; nextSteps: { name: string; due: string }[]; promiseDue: string; status: string }
interface ErrorBody { error: { code: string; fields?: Record<string, string> } }

describe.each(testDatabases)('applying for an item on $name', (kind) => {
  const h = useHarness(kind)
  let leave: PublishedItem
  let student: UserClient
  beforeAll(async () => {
    leave = await publishItem(h.database, leaveItem)
    student = await h.as('stu.2023001')
  })

  const draft = async (client: UserClient, data: Record<string, unknown> = {}) => {
    const response = await client.post('/api/cases', { itemId: leave.itemId, data })
    expect(response.status).toBe(201)
    return json<Draft>(response)
  }

  it('submits a draft and answers a receipt with the case number, the next step, its due date and the promise', async () => {
    const { id } = await draft(student, { reason: '回家' })
    const response = await student.post(`/api/cases/${id}/submit`, { data: leaveData })
    expect(response.status).toBe(200)
    const receipt = await json<Receipt>(response)
    // Monday 23 Nov 2026, 09:00 Beijing time: the first case of the day in the university.
    expect(receipt.caseNo).toMatch(/^2026112300\d{3}$/)
    expect(receipt).toMatchObject({ caseId: id, itemName: '学生请假', status: 'running', submittedAt: '2026-11-23T01:00:00.000Z' })
    expect(receipt.nextSteps).toEqual([{ name: '辅导员审批', due: '2026-11-24T10:00:00.000Z' }])
    expect(receipt.promiseDue).toBe('2026-11-26T10:00:00.000Z')
  })

  it('numbers the cases of one day in sequence without a gap or a double, even when submitted at once', async () => {
    const drafts = await Promise.all([draft(student), draft(student), draft(student)])
    const receipts = await Promise.all(drafts.map(async ({ id }) => json<Receipt>(await student.post(`/api/cases/${id}/submit`, { data: leaveData }))))
    const numbers = receipts.map((r) => Number(r.caseNo.slice(8))).sort((a, b) => a - b)
    expect(new Set(numbers).size).toBe(3)
    expect(numbers[2]! - numbers[0]!).toBe(2)
  })

  it('refuses a form with an unknown field, a wrong type and a bad ID number, naming each, and keeps the draft', async () => {
    const { id } = await draft(student)
    const response = await student.post(`/api/cases/${id}/submit`, { data: { ...leaveData, days: '两天', idNumber: '340104200503150198', hobby: 'chess' } })
    expect(response.status).toBe(400)
    const { error } = await json<ErrorBody>(response)
    expect(error.code).toBe('FORM_INVALID')
    expect(Object.keys(error.fields ?? {}).sort()).toEqual(['days', 'hobby', 'idNumber'])
    const detail = await json<Draft>(await student.get(`/api/cases/${id}`))
    expect(detail).toMatchObject({ status: 'draft', caseNo: null })
  })

  it('does not let the applicant write an approver’s opinion', async () => {
    const { id } = await draft(student)
    const response = await student.post(`/api/cases/${id}/submit`, { data: { ...leaveData, counsellorOpinion: '同意' } })
    expect(response.status).toBe(400)
    expect((await json<ErrorBody>(response)).error.fields).toHaveProperty('counsellorOpinion')
  })

  it('autosaves a draft and answers 409 VERSION_CONFLICT to a save from a stale revision', async () => {
    const { id, revision } = await draft(student)
    const saved = await student.patch(`/api/cases/${id}`, { data: { reason: '看病' }, revision })
    expect(saved.status).toBe(200)
    expect((await json<Draft>(saved)).revision).toBe(revision + 1)
    const stale = await student.patch(`/api/cases/${id}`, { data: { reason: '旅游' }, revision })
    expect(stale.status).toBe(409)
    expect((await json<ErrorBody>(stale)).error.code).toBe('VERSION_CONFLICT')
    const detail = await json<{ data: Record<string, unknown> }>(await student.get(`/api/cases/${id}`))
    expect(detail.data).toEqual({ reason: '看病' })
  })

  it('withdraws a case nobody has acted on yet, and then refuses to withdraw it again', async () => {
    const { id } = await draft(student)
    await student.post(`/api/cases/${id}/submit`, { data: leaveData })
    const response = await student.post(`/api/cases/${id}/withdraw`, { reason: '假期取消' })
    expect(response.status).toBe(200)
    expect(await json<Draft>(response)).toMatchObject({ status: 'withdrawn' })
    const detail = await json<{ openSteps: unknown[]; timeline: { type: string }[] }>(await student.get(`/api/cases/${id}`))
    expect(detail.openSteps).toEqual([])
    expect(detail.timeline.map((e) => e.type)).toContain('process.withdrawn')
    expect((await student.post(`/api/cases/${id}/withdraw`, {})).status).toBe(409)
  })

  it('lists only my own cases', async () => {
    const other = await h.as('stu.2023002')
    await draft(other)
    const { items } = await json<{ items: { id: string }[] }>(await other.get('/api/cases'))
    expect(items).toHaveLength(1)
    const mine = await json<{ items: unknown[] }>(await student.get('/api/cases'))
    expect(mine.items.length).toBeGreaterThan(1)
  })

  it('accepts no evaluation before the case is finished', async () => {
    const { id } = await draft(student)
    await student.post(`/api/cases/${id}/submit`, { data: leaveData })
    const response = await student.post(`/api/cases/${id}/evaluation`, { rating: 'satisfied' })
    expect(response.status).toBe(409)
    expect((await json<ErrorBody>(response)).error.code).toBe('CASE_NOT_FINISHED')
  })

  it('files a complaint about a submitted case', async () => {
    const { id } = await draft(student)
    await student.post(`/api/cases/${id}/submit`, { data: leaveData })
    const response = await student.post(`/api/cases/${id}/complaints`, { text: '提交后一直没有人处理' })
    expect(response.status).toBe(201)
    const detail = await json<{ complaints: { text: string; status: string }[] }>(await student.get(`/api/cases/${id}`))
    expect(detail.complaints).toEqual([expect.objectContaining({ text: '提交后一直没有人处理', status: 'open' })])
  })
})
