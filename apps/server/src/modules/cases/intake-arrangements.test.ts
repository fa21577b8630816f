import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases, departments, notifications } from '../../db/schema'
import { createServerEngine } from '../../engine/server-engine'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { applyFor, publishItem, type PublishedItem } from '../../../test/published-item'
import { licence } from '../../../test/window-item'
import { abandonLapsedTolerations } from './intake-lapses'

interface Notice { id: string; kind: string; data: Record<string, unknown> }
interface Notification { kind: string; body: string; link: string; caseId: string | null; readAt: string | null }
interface Arrangement { id: string; caseId: string; kind: string; status: string; due: string | null; overdue: boolean; resultWithheld: boolean; detail: Record<string, unknown> }

describe.each(testDatabases)('tolerate-missing, joint, escalated and agency intake on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, licence)
  })
  const apply = async () => applyFor(await h.as('enterprise.wang'), item.itemId, { name: '王芳' })
  const clerk = () => h.as('county.market.2')
  const arrangementsOf = async (caseId: string) => (await json<{ items: Arrangement[] }>(await (await h.as('enterprise.wang')).get(`/api/cases/${caseId}/arrangements`))).items

  it('accepts with a tolerated material, withholds the result until it arrives, and lets the window record its arrival', async () => {
    const { caseId } = await apply()
    const window = await clerk()
    const response = await window.post(`/api/cases/${caseId}/tolerate-missing`, { materialIds: ['address'], promiseDate: '2026-11-25' })
    expect(response.status).toBe(201)
    const notice = await json<Notice>(response)
    expect(notice).toMatchObject({ kind: 'tolerate_missing', data: { materials: [{ id: 'address', name: '经营场所证明' }], promiseDate: '2026-11-25', due: '2026-11-25T10:00:00.000Z' } })
    const { materials } = await json<{ materials: { id: string; mayBeMissing: boolean }[] }>(await window.get(`/api/cases/${caseId}/checklist`))
    expect(materials.map(({ id, mayBeMissing }) => [id, mayBeMissing])).toEqual([['application', false], ['address', true]])
    const [owed] = await arrangementsOf(caseId)
    expect(owed).toMatchObject({ kind: 'tolerate_missing', status: 'pending', resultWithheld: true, overdue: false })
    const fulfilled = await window.post(`/api/cases/${caseId}/arrangements/${owed!.id}/fulfil`, { note: '已补交原件' })
    expect(await json(fulfilled)).toMatchObject({ status: 'fulfilled', resultWithheld: false })
    expect((await window.post(`/api/cases/${caseId}/arrangements/${owed!.id}/fulfil`, {})).status).toBe(409)
  })

  it('refuses to tolerate a material the guide does not allow to be missing, changing nothing', async () => {
    const { caseId } = await apply()
    const response = await (await clerk()).post(`/api/cases/${caseId}/tolerate-missing`, { materialIds: ['application'], promiseDate: '2026-11-25' })
    expect(response.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(response)).error.fields.materialIds).toContain('application')
    const [row] = await h.database.db.select().from(cases).where(eq(cases.id, caseId))
    expect(row!.acceptedAt).toBeNull()
    expect(await arrangementsOf(caseId)).toEqual([])
  })

  it('marks the case abandoned and returned once the promised date passes without the material', async () => {
    const { caseId } = await apply()
    await (await clerk()).post(`/api/cases/${caseId}/tolerate-missing`, { materialIds: ['address'], promiseDate: '2026-11-24' })
    const engine = createServerEngine(h.database.db, { now: h.clock.now })
    expect(await abandonLapsedTolerations(h.database.db, engine, h.clock.now())).toBe(0)
    h.clock.advance(2 * 24 * 3600_000) // past 18:00 on the 24th
    expect(await abandonLapsedTolerations(h.database.db, engine, h.clock.now())).toBeGreaterThanOrEqual(1)
    const view = await json<{ status: string; outcome: string; openSteps: unknown[] }>(await (await h.as('enterprise.wang')).get(`/api/cases/${caseId}`))
    expect(view).toMatchObject({ status: 'returned', outcome: 'abandoned', openSteps: [] })
    expect((await arrangementsOf(caseId))[0]).toMatchObject({ status: 'lapsed', resultWithheld: false })
    const trail = await h.database.db.select().from(auditLog).where(eq(auditLog.objectId, caseId))
    expect(trail.map((entry) => entry.action)).toContain('case.abandoned')
    expect(await abandonLapsedTolerations(h.database.db, engine, h.clock.now())).toBe(0)
  })

  it('accepts a joint case led by the item’s window and copies it to the co-department heads, who then see it', async () => {
    const { caseId } = await apply()
    const [build] = await h.database.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'W-BUILD'))
    const response = await (await clerk()).post(`/api/cases/${caseId}/joint`, { coDeptIds: [build!.id] })
    expect(response.status).toBe(201)
    expect(await json<Notice>(response)).toMatchObject({ kind: 'joint', data: { leadDept: '市场监管窗口', coDepts: [{ id: build!.id, name: '住房城乡建设窗口' }] } })
    expect((await (await h.as('county.build.head')).get(`/api/cases/${caseId}`)).status).toBe(200)
    expect((await (await h.as('county.estate.head')).get(`/api/cases/${caseId}`)).status).toBe(404)
  })

  it('notifies the co-department’s staff in the acceptance’s transaction, linking to the case, and names the departments in the applicant’s notice', async () => {
    const { caseId, caseNo } = await apply()
    const [build] = await h.database.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'W-BUILD'))
    expect((await (await clerk()).post(`/api/cases/${caseId}/joint`, { coDeptIds: [build!.id], note: '请住建窗口核查场地' })).status).toBe(201)
    const inbox = async (username: string) => (await json<{ items: Notification[] }>(await (await h.as(username)).get('/api/notifications?limit=100'))).items.filter((entry) => entry.caseId === caseId)
    const [told] = await inbox('county.build.head')
    expect(told).toMatchObject({ kind: 'case.joint', link: `/cases/${caseId}`, readAt: null })
    expect(told!.body).toContain('市场监管窗口')
    expect(told!.body).toContain(caseNo)
    expect(await inbox('county.estate.head')).toEqual([])
    const { items } = await json<{ items: Notice[] }>(await (await h.as('enterprise.wang')).get(`/api/cases/${caseId}/notices`))
    expect(items.find((entry) => entry.kind === 'joint')?.data).toMatchObject({ leadDept: '市场监管窗口', coDepts: [{ name: '住房城乡建设窗口' }] })
  })

  it('notifies nobody when the joint acceptance is refused', async () => {
    const { caseId } = await apply()
    const [build] = await h.database.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'W-BUILD'))
    expect((await (await clerk()).post(`/api/cases/${caseId}/joint`, { coDeptIds: [build!.id, 'no-such-dept'] })).status).toBe(400)
    const rows = await h.database.db.select().from(notifications).where(eq(notifications.caseId, caseId))
    expect(rows.filter((row) => row.kind === 'case.joint')).toEqual([])
  })

  it('records an escalation and the upper result once it comes back', async () => {
    const { caseId } = await apply()
    const window = await clerk()
    const notice = await json<Notice>(await window.post(`/api/cases/${caseId}/escalate`, { upperAuthority: '市市场监督管理局', reason: '跨县经营，须市局审批' }))
    expect(notice).toMatchObject({ kind: 'escalated', data: { upperAuthority: '市市场监督管理局' } })
    const [escalation] = await arrangementsOf(caseId)
    expect(escalation).toMatchObject({ kind: 'escalated', status: 'pending', due: null })
    expect(await json(await window.post(`/api/cases/${caseId}/arrangements/${escalation!.id}/fulfil`, { note: '市局已准予许可' }))).toMatchObject({ status: 'fulfilled', detail: { fulfilNote: '市局已准予许可' } })
  })

  it('gives the agent 24 hours to deliver and shows the delivery overdue to its window after that', async () => {
    const { caseId } = await apply()
    const bad = await (await clerk()).post(`/api/cases/${caseId}/agency`, { agentName: '陈代办', agentContact: '1234' })
    expect((await json<{ error: { fields: Record<string, string> } }>(bad)).error.fields).toHaveProperty('agentContact')
    const notice = await json<Notice>(await (await clerk()).post(`/api/cases/${caseId}/agency`, { agentName: '陈代办', agentContact: '13905640000' }))
    expect(new Date(String(notice.data.deliveryDue)).getTime() - h.clock.now().getTime()).toBe(24 * 3600_000)
    expect((await arrangementsOf(caseId))[0]).toMatchObject({ kind: 'agency', overdue: false })
    h.clock.advance(25 * 3600_000)
    expect((await arrangementsOf(caseId))[0]).toMatchObject({ kind: 'agency', overdue: true })
    const overdueAt = async (username: string) => (await json<{ items: Arrangement[] }>(await (await h.as(username)).get('/api/arrangements?kind=agency&overdue=true'))).items.map((entry) => entry.caseId)
    expect(await overdueAt('county.market.1')).toContain(caseId)
    expect(await overdueAt('county.hr.1')).not.toContain(caseId)
    expect((await (await h.as('enterprise.wang')).get('/api/arrangements')).status).toBe(403)
  })

  it('answers 404 to another window and 403 to the applicant for every new intake kind', async () => {
    const { caseId } = await apply()
    const [other, applicant] = await Promise.all([h.as('county.hr.2'), h.as('enterprise.wang')])
    const bodies: [string, unknown][] = [
      ['tolerate-missing', { materialIds: ['address'], promiseDate: '2026-12-30' }],
      ['joint', { coDeptIds: ['x'] }],
      ['escalate', { upperAuthority: '市局', reason: '上报' }],
      ['agency', { agentName: '陈', agentContact: '13905640000' }],
    ]
    for (const [path, body] of bodies) {
      expect((await other.post(`/api/cases/${caseId}/${path}`, body)).status).toBe(404)
      expect((await applicant.post(`/api/cases/${caseId}/${path}`, body)).status).toBe(403)
    }
    expect((await other.get(`/api/cases/${caseId}/arrangements`)).status).toBe(404)
  })
})
