import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { leaveData, leaveItem } from '../../../test/leave-item'
import { applyFor, publishItem } from '../../../test/published-item'

/** The objects of the matrix: a submitted case with its open task, and a draft, all of stu.2023001. */
interface Objects { itemId: string; caseId: string; taskId: string; draftId: string }

type Endpoint = [name: string, method: string, path: (o: Objects) => string, body?: unknown]

const ENDPOINTS: Endpoint[] = [
  ['read the case', 'GET', (o) => `/api/cases/${o.caseId}`],
  ['read the draft', 'GET', (o) => `/api/cases/${o.draftId}`],
  ['autosave the draft', 'PATCH', (o) => `/api/cases/${o.draftId}`, { data: {}, revision: 1 }],
  ['submit the draft', 'POST', (o) => `/api/cases/${o.draftId}/submit`, {}],
  ['withdraw the case', 'POST', (o) => `/api/cases/${o.caseId}/withdraw`, {}],
  ['evaluate the case', 'POST', (o) => `/api/cases/${o.caseId}/evaluation`, { rating: 'satisfied' }],
  ['complain about the case', 'POST', (o) => `/api/cases/${o.caseId}/complaints`, { text: '一直没有人处理' }],
  ['read the task', 'GET', (o) => `/api/tasks/${o.taskId}`],
  ['agree the task', 'POST', (o) => `/api/tasks/${o.taskId}/agree`, {}],
  ['reject the task', 'POST', (o) => `/api/tasks/${o.taskId}/reject`, { comment: '不符合条件' }],
  ['transfer the task', 'POST', (o) => `/api/tasks/${o.taskId}/transfer`, { to: 'x' }],
  ['urge the task', 'POST', (o) => `/api/tasks/${o.taskId}/urge`, {}],
  ['copy the case on', 'POST', (o) => `/api/tasks/${o.taskId}/cc`, { users: ['x'] }],
]

/**
 * Who sees what is not theirs: another student, staff of another window, an approver with no part
 * in the case, the admin of another unit and a citizen of another unit. Each gets 404 everywhere,
 * as if the case did not exist.
 */
const STRANGERS = ['stu.2023002', 'univ.jwc.1', 'cs.dean', 'county.admin', 'citizen.li']

/** Staff who see the submitted case, but not its draft sibling nor the task that is not theirs. */
const SEE_CASE_ONLY = ['univ.hall.2', 'univ.admin']

describe.each(testDatabases)('who may see and act on a case on $name', (kind) => {
  const h = useHarness(kind)
  const o = {} as Objects
  // One sign-in per person: password hashing dominates otherwise, and the clock never moves here.
  const sessions = new Map<string, Promise<UserClient>>()
  const as = (username: string) => {
    if (!sessions.has(username)) sessions.set(username, h.as(username))
    return sessions.get(username)!
  }
  beforeAll(async () => {
    o.itemId = (await publishItem(h.database, leaveItem)).itemId
    const student = await as('stu.2023001')
    o.caseId = (await applyFor(student, o.itemId, leaveData)).caseId
    const view = await json<{ openSteps: { taskId: string }[] }>(await student.get(`/api/cases/${o.caseId}`))
    o.taskId = view.openSteps[0]!.taskId
    o.draftId = (await json<{ id: string }>(await student.post('/api/cases', { itemId: o.itemId }))).id
  })

  describe.each(STRANGERS)('%s', (username) => {
    it.each(ENDPOINTS)('cannot %s: 404', async (_name, method, path, body) => {
      const client = await as(username)
      const response = await client.request(method, path(o), body)
      expect(response.status).toBe(404)
    })
  })

  describe.each(SEE_CASE_ONLY)('%s', (username) => {
    it.each(ENDPOINTS.filter(([name]) => name !== 'read the case' && name !== 'urge the task' && name !== 'withdraw the case' && name !== 'evaluate the case' && name !== 'complain about the case'))(
      'cannot %s: 404',
      async (_name, method, path, body) => {
        const response = await (await as(username)).request(method, path(o), body)
        expect(response.status).toBe(404)
      },
    )

    it('reads the case with the ID number masked, but may not withdraw it for the applicant', async () => {
      const client = await as(username)
      const view = await json<{ data: Record<string, unknown> }>(await client.get(`/api/cases/${o.caseId}`))
      expect(view.data.idNumber).toBe('340104********0197')
      expect((await client.post(`/api/cases/${o.caseId}/withdraw`, {})).status).toBe(403)
    })
  })

  it("does not let anyone apply for another unit's item", async () => {
    const response = await (await as('citizen.li')).post('/api/cases', { itemId: o.itemId })
    expect(response.status).toBe(404)
  })

  it('lets the counsellor holding the task read the case and the task', async () => {
    const counsellor = await as('cs.counsellor')
    expect((await counsellor.get(`/api/cases/${o.caseId}`)).status).toBe(200)
    expect((await counsellor.get(`/api/tasks/${o.taskId}`)).status).toBe(200)
  })

  it("lists the window's cases to its staff, not to another window's", async () => {
    const hall = await json<{ items: { id: string }[] }>(await (await as('univ.hall.2')).get('/api/cases?scope=window'))
    expect(hall.items.map((c) => c.id)).toEqual([o.caseId])
    const other = await json<{ items: unknown[] }>(await (await as('univ.jwc.1')).get('/api/cases?scope=window'))
    expect(other.items).toEqual([])
  })

  it('refuses every case route without a session', async () => {
    expect((await h.anonymous.get(`/api/cases/${o.caseId}`)).status).toBe(401)
    expect((await h.anonymous.get('/api/tasks')).status).toBe(401)
  })
})
