import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { caseBreaches, negativeFilings } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { applyFor, promisedReviewItem, type PublishedItem, publishItem, userIds } from '../../../test/published-item'

/** A promised county item at the social-security window: one review step, five working days promised. */
const pension = promisedReviewItem({
  dept: 'W-HR',
  code: 'pension-transfer',
  name: '养老保险关系转移',
  form: { type: 'object', properties: { name: { type: 'string', title: '姓名', required: true }, phone: { type: 'string', title: '手机号', 'x-validator': 'mobile', 'x-sensitive': 'phone' } } },
  step: { name: '社保经办审核', post: 'P-HR', due: '3wd' },
  promisedWd: 5,
  guide: {
    legalBasis: ['《城镇企业职工基本养老保险关系转移接续暂行办法》'],
    materials: [
      { id: 'idcard', name: '居民身份证复印件' },
      { id: 'application', name: '转移申请表' },
      { id: 'proof', name: '参保缴费凭证', main: false },
    ],
    contact: { phone: '0564-1234567', complaintPhone: '0564-12345' },
  },
})

interface Notice { id: string; kind: string; data: Record<string, unknown> }
interface ErrorBody { error: { code: string } }

describe.each(testDatabases)('window acceptance (一窗受理) on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  let citizen: UserClient
  let clerk: UserClient
  let id: (username: string) => string
  beforeAll(async () => {
    item = await publishItem(h.database, pension)
    id = await userIds(h.database)
    ;[citizen, clerk] = await Promise.all([h.as('citizen.li'), h.as('county.hr.2')])
  })
  // Sessions expire when a test moves the clock on: sign in afresh for each application.
  const apply = async () => applyFor(await h.as('citizen.li'), item.itemId, { name: '李娜', phone: '13905641202' })

  it('accepts a promised case with a notice giving the limit in working days and the due date', async () => {
    const receipt = await apply()
    const response = await clerk.post(`/api/cases/${receipt.caseId}/accept`, { kind: 'promised' })
    expect(response.status).toBe(201)
    const notice = await json<Notice>(response)
    expect(notice.kind).toBe('acceptance')
    expect(notice.data).toMatchObject({ caseNo: receipt.caseNo, itemName: '养老保险关系转移', window: '人力资源社会保障窗口', applicantName: '李娜', promisedLimit: { value: 5, unit: 'wd' }, due: receipt.promiseDue, complaintPhone: '0564-12345' })
    const again = await clerk.post(`/api/cases/${receipt.caseId}/accept`, { kind: 'promised' })
    expect((await json<ErrorBody>(again)).error.code).toBe('ALREADY_ACCEPTED')
  })

  it('lets only the staff of the item’s window accept: another window gets 404, the applicant 403', async () => {
    const { caseId } = await apply()
    expect((await (await h.as('county.market.2')).post(`/api/cases/${caseId}/accept`, { kind: 'promised' })).status).toBe(404)
    expect((await citizen.post(`/api/cases/${caseId}/accept`, { kind: 'promised' })).status).toBe(403)
  })

  it('records a one-time-notice breach when a second notice asks for a checklist material', async () => {
    const { caseId } = await apply()
    await clerk.post(`/api/cases/${caseId}/supplement`, { materialIds: ['idcard'] })
    const fresh = await h.as('county.hr.2')
    expect((await (await h.as('citizen.li')).post(`/api/cases/${caseId}/supplied`, {})).status).toBe(200)
    expect(await h.database.db.select().from(caseBreaches).where(eq(caseBreaches.caseId, caseId))).toEqual([])
    expect((await fresh.post(`/api/cases/${caseId}/supplement`, { materialIds: ['application'] })).status).toBe(201)
    const breaches = await h.database.db.select().from(caseBreaches).where(eq(caseBreaches.caseId, caseId))
    expect(breaches).toEqual([expect.objectContaining({ kind: 'one_time_notice', userId: id('county.hr.2'), detail: expect.objectContaining({ materialIds: ['application'] }) })])
  })

  it('registers a case at the desk for a citizen, who then sees it as their own', async () => {
    const clerkNow = await h.as('county.hr.1')
    const created = await clerkNow.post('/api/cases', { itemId: item.itemId, applicantId: id('citizen.zhang'), data: { name: '张伟' } })
    expect(created.status).toBe(201)
    const draft = await json<{ id: string; intake: string }>(created)
    expect(draft.intake).toBe('desk')
    const receipt = await json<{ status: string }>(await clerkNow.post(`/api/cases/${draft.id}/submit`, {}))
    expect(receipt.status).toBe('running')
    const { items } = await json<{ items: { id: string; intake: string }[] }>(await (await h.as('citizen.zhang')).get('/api/cases'))
    expect(items).toEqual([expect.objectContaining({ id: draft.id, intake: 'desk' })])
    const outsider = await (await h.as('county.market.2')).post('/api/cases', { itemId: item.itemId, applicantId: id('citizen.zhang') })
    expect(outsider.status).toBe(403)
  })

  it('refuses a material that is not on the checklist', async () => {
    const { caseId } = await apply()
    const response = await (await h.as('county.hr.2')).post(`/api/cases/${caseId}/supplement`, { materialIds: ['passport'] })
    expect(response.status).toBe(400)
  })

  it('returns a case with reasons, basis, remedy and review rights, and files it for the window head', async () => {
    const { caseId } = await apply()
    const response = await (await h.as('county.hr.2')).post(`/api/cases/${caseId}/refuse`, { reasons: '不属于本窗口受理范围', legalBasis: '《社会保险法》第十九条', remedy: '请到户籍地社保经办机构申请' })
    expect(response.status).toBe(201)
    const notice = await json<Notice>(response)
    expect(notice.data).toMatchObject({ reasons: '不属于本窗口受理范围', legalBasis: '《社会保险法》第十九条', remedy: '请到户籍地社保经办机构申请' })
    expect(String(notice.data.reviewRights)).toContain('行政复议')
    const view = await json<{ status: string; openSteps: unknown[] }>(await (await h.as('citizen.li')).get(`/api/cases/${caseId}`))
    expect(view).toMatchObject({ status: 'returned', openSteps: [] })
    const filings = await h.database.db.select().from(negativeFilings).where(eq(negativeFilings.caseId, caseId))
    expect(filings).toEqual([expect.objectContaining({ handlerId: id('county.hr.2'), reviewerId: id('county.hr.head'), status: 'pending' })])
  })
  it('lists every missing material in one notice, stops the clock until they arrive, then approves and completes', async () => {
    const receipt = await apply()
    const response = await clerk.post(`/api/cases/${receipt.caseId}/supplement`, { materialIds: ['idcard', 'proof'], note: '请携带原件' })
    expect(response.status).toBe(201)
    const notice = await json<Notice>(response)
    expect(notice.data.materials).toEqual([
      { id: 'idcard', name: '居民身份证复印件', copies: 1, form: 'original' },
      { id: 'proof', name: '参保缴费凭证', copies: 1, form: 'original' },
    ])
    expect((await json<{ status: string }>(await citizen.get(`/api/cases/${receipt.caseId}`))).status).toBe('supplement')

    h.clock.advance(24 * 3600_000) // a whole working day waiting for the applicant
    const [later, reviewer] = await Promise.all([h.as('citizen.li'), h.as('county.hr.1')])
    const resumed = await later.post(`/api/cases/${receipt.caseId}/supplied`, {})
    expect(resumed.status).toBe(200)
    const { promiseDue } = await json<{ promiseDue: string }>(resumed)
    expect(new Date(promiseDue).getTime()).toBeGreaterThan(new Date(receipt.promiseDue!).getTime())

    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await reviewer.get('/api/tasks'))
    const task = items.find((entry) => entry.caseId === receipt.caseId)
    const done = await reviewer.post(`/api/tasks/${task!.taskId}/agree`, { comment: '材料齐全' })
    expect(await json(done)).toEqual({ caseId: receipt.caseId, caseStatus: 'completed' })
    const { items: noticeList } = await json<{ items: Notice[] }>(await later.get(`/api/cases/${receipt.caseId}/notices`))
    expect(noticeList.map((n) => n.kind)).toEqual(['supplement'])
  })
})
