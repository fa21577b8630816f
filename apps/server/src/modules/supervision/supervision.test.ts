import { createCalendar } from '@hall/process-engine'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { caseNotices, engineTasks, supervisionAlerts } from '../../db/schema'
import { createServerEngine } from '../../engine/server-engine'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../test/published-item'
import { supervisedItem } from '../../../test/supervised-item'
import { recordAlerts } from './alerts'

interface BoardRow {
  taskId: string
  caseId: string
  state: string
  stepDue: string
  promiseDue: string
  suspended: boolean
  suspendedWorkingMs: number
  elapsedWorkingMs: number
  handlers: { name: string }[]
  windowName: string
}
interface Board {
  total: number
  items: BoardRow[]
}
interface ErrorBody {
  error: { code: string; fields?: Record<string, string> }
}
const HOUR = 3600_000

describe.each(testDatabases)('electronic supervision (电子监察) on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  let id: (username: string) => string
  beforeAll(async () => {
    item = await publishItem(h.database, supervisedItem)
    id = await userIds(h.database)
  })
  // Sessions expire when a test moves the clock on: sign in afresh each time.
  const boardAs = async (username: string, query = '') =>
    json<Board>(
      await (await h.as(username)).get(`/api/supervision/board?itemId=${item.itemId}${query}`),
    )
  const rowOf = async (caseId: string, username = 'county.sup') =>
    (await boardAs(username)).items.find((row) => row.caseId === caseId)

  it('shows a new step on time, warned from its warn time and overdue (red) once its due has passed', async () => {
    const { caseId } = await applyFor(await h.as('citizen.zhang'), item.itemId, { name: '张伟' })
    const fresh = await rowOf(caseId)
    expect(fresh).toMatchObject({
      state: 'on_time',
      windowName: '人力资源社会保障窗口',
      handlers: [{ name: '朱琳' }],
      suspended: false,
    })
    const [task] = await h.database.db
      .select()
      .from(engineTasks)
      .where(eq(engineTasks.id, fresh!.taskId))
    h.clock.advance(task!.warnAt!.getTime() - h.clock.now().getTime() + 60_000)
    expect((await rowOf(caseId))?.state).toBe('warned')
    h.clock.advance(task!.due!.getTime() - h.clock.now().getTime() + 60_000)
    expect((await rowOf(caseId))?.state).toBe('overdue')
    const overdueOnly = await boardAs('county.sup', '&state=overdue')
    expect(overdueOnly.items.map((row) => row.caseId)).toContain(caseId)
    expect(overdueOnly.items.every((row) => row.state === 'overdue')).toBe(true)
    expect(
      (await boardAs('county.sup', '&state=on_time')).items.map((row) => row.caseId),
    ).not.toContain(caseId)
  })

  it('records one alert per level for the handler and the window head, however often the worker runs', async () => {
    const { caseId } = await applyFor(await h.as('citizen.li'), item.itemId, { name: '李娜' })
    const engine = createServerEngine(h.database.db, { now: h.clock.now })
    h.clock.advance(3 * 24 * HOUR)
    expect(await engine.runDueJobs({ owner: 'test-worker' })).toBeGreaterThan(0)
    expect(await recordAlerts(h.database.db, h.clock.now())).toBeGreaterThanOrEqual(2)
    expect(await recordAlerts(h.database.db, h.clock.now())).toBe(0)
    const alerts = await h.database.db
      .select()
      .from(supervisionAlerts)
      .where(eq(supervisionAlerts.caseId, caseId))
    expect(alerts.map((a) => a.level).sort()).toEqual(['overdue', 'warn'])
    for (const alert of alerts)
      expect(alert.notify.sort()).toEqual([id('county.hr.1'), id('county.hr.head')].sort())
  })

  it('tells the handler (to the task) and the window head (to the case) once per level, however often the worker polls', async () => {
    const { caseId, caseNo } = await applyFor(await h.as('citizen.li'), item.itemId, { name: '李娜' })
    h.clock.advance(3 * 24 * HOUR)
    await createServerEngine(h.database.db, { now: h.clock.now }).runDueJobs({ owner: 'test-worker' })
    await recordAlerts(h.database.db, h.clock.now())
    await recordAlerts(h.database.db, h.clock.now())
    const aboutCase = async (username: string) =>
      (
        await json<{ items: { kind: string; title: string; body: string; link: string; caseId: string | null }[] }>(
          await (await h.as(username)).get('/api/notifications?limit=100'),
        )
      ).items.filter((n) => n.caseId === caseId && n.kind.startsWith('supervision.'))
    const [task] = await h.database.db.select().from(engineTasks).where(eq(engineTasks.id, (await rowOf(caseId))!.taskId))
    const handler = await aboutCase('county.hr.1')
    expect(handler.map((n) => n.kind).sort()).toEqual(['supervision.overdue', 'supervision.warned'])
    for (const n of handler) expect(n).toMatchObject({ link: `/tasks/${task!.id}`, body: expect.stringContaining(caseNo) })
    const head = await aboutCase('county.hr.head')
    expect(head.map((n) => n.kind).sort()).toEqual(['supervision.overdue', 'supervision.warned'])
    for (const n of head) expect(n.link).toBe(`/cases/${caseId}`)
    expect(await aboutCase('county.hr.2')).toEqual([])
  })

  it('shows the supplement wait as suspended time and leaves it out of the elapsed working time', async () => {
    h.clock.advance(new Date('2026-11-30T09:00:00+08:00').getTime() - h.clock.now().getTime()) // a Monday morning
    const { caseId } = await applyFor(await h.as('citizen.huang'), item.itemId, { name: '黄勇' })
    h.clock.advance(HOUR)
    expect(
      (
        await (
          await h.as('county.hr.2')
        ).post(`/api/cases/${caseId}/supplement`, { materialIds: ['proof'] })
      ).status,
    ).toBe(201)
    h.clock.advance(24 * HOUR) // a whole working day waiting for the applicant
    const waiting = await rowOf(caseId)
    expect(waiting).toMatchObject({ suspended: true, state: 'on_time' })
    expect(waiting!.suspendedWorkingMs).toBeGreaterThanOrEqual(7 * HOUR)
    expect(waiting!.elapsedWorkingMs).toBe(HOUR)
    expect(
      (await (await h.as('citizen.huang')).post(`/api/cases/${caseId}/supplied`, {})).status,
    ).toBe(200)
    h.clock.advance(HOUR)
    const resumed = await rowOf(caseId)
    expect(resumed).toMatchObject({ suspended: false, elapsedWorkingMs: 2 * HOUR })
  })

  it('lets a window head see only their windows, and nobody outside oversight at all', async () => {
    const { caseId } = await applyFor(await h.as('citizen.zhang'), item.itemId, { name: '张伟' })
    expect(await rowOf(caseId, 'county.hr.head')).toBeDefined()
    expect(await rowOf(caseId, 'county.admin')).toBeDefined()
    expect((await boardAs('county.market.head')).items).toEqual([])
    expect((await boardAs('univ.admin')).items).toEqual([])
    expect((await (await h.as('county.hr.1')).get('/api/supervision/board')).status).toBe(403)
    expect((await (await h.as('citizen.zhang')).get('/api/supervision/board')).status).toBe(403)
    expect((await (await h.as('county.sup')).get('/api/supervision/board?state=late')).status).toBe(
      400,
    )
  })

  it('extends an approved request: every due moves by the working days and the applicant gets a delay notice', async () => {
    const { caseId } = await applyFor(await h.as('citizen.li'), item.itemId, { name: '李娜' })
    const before = await rowOf(caseId)
    const handler = await h.as('county.hr.1')
    expect(
      (
        await (
          await h.as('county.hr.2')
        ).post('/api/supervision/extensions', { caseId, workingDays: 3, reason: '需现场核查' })
      ).status,
    ).toBe(403)
    const asked = await handler.post('/api/supervision/extensions', {
      caseId,
      workingDays: 3,
      reason: '需现场核查用人单位',
    })
    expect(asked.status).toBe(201)
    const request = await json<{ id: string; status: string }>(asked)
    expect(
      (
        await handler.post('/api/supervision/extensions', {
          caseId,
          workingDays: 1,
          reason: '再延一天',
        })
      ).status,
    ).toBe(409)
    expect(
      (
        await (
          await h.as('county.market.head')
        ).post(`/api/supervision/extensions/${request.id}/decision`, { decision: 'approve' })
      ).status,
    ).toBe(403)
    expect(
      (
        await (
          await h.as('univ.admin')
        ).post(`/api/supervision/extensions/${request.id}/decision`, { decision: 'approve' })
      ).status,
    ).toBe(404)
    const decided = await (
      await h.as('county.hr.head')
    ).post(`/api/supervision/extensions/${request.id}/decision`, {
      decision: 'approve',
      note: '同意',
    })
    expect(decided.status).toBe(200)
    expect((await json<{ status: string }>(decided)).status).toBe('approved')
    const after = await rowOf(caseId)
    // Three more working days of office time (7 h each) on the default calendar the server runs.
    expect(
      createCalendar().workingMsBetween(new Date(before!.stepDue), new Date(after!.stepDue)),
    ).toBe(3 * 7 * HOUR)
    expect(new Date(after!.promiseDue).getTime()).toBeGreaterThan(
      new Date(before!.promiseDue).getTime(),
    )
    const notices = await h.database.db
      .select()
      .from(caseNotices)
      .where(eq(caseNotices.caseId, caseId))
    expect(notices).toEqual([
      expect.objectContaining({
        kind: 'delay',
        data: expect.objectContaining({
          reason: '需现场核查用人单位',
          workingDays: 3,
          approvedBy: '杨帆',
          due: after!.promiseDue,
        }),
      }),
    ])
    const applicantView = await json<{ id: string; kind: string }[]>(
      await (await h.as('citizen.li')).get(`/api/cases/${caseId}/notices`),
    )
    expect(JSON.stringify(applicantView)).toContain('需现场核查用人单位')
    const again = await (
      await h.as('county.sup')
    ).post(`/api/supervision/extensions/${request.id}/decision`, { decision: 'refuse' })
    expect((await json<ErrorBody>(again)).error.code).toBe('EXTENSION_DECIDED')
  })

  it('refuses requests beyond the 10-working-day limit, naming the field, and a refusal moves nothing', async () => {
    const { caseId } = await applyFor(await h.as('citizen.zhang'), item.itemId, { name: '张伟' })
    const handler = await h.as('county.hr.1')
    const first = await json<{ id: string }>(
      await handler.post('/api/supervision/extensions', {
        caseId,
        workingDays: 8,
        reason: '等待外省转移函',
      }),
    )
    expect(
      (
        await (
          await h.as('county.sup')
        ).post(`/api/supervision/extensions/${first.id}/decision`, { decision: 'approve' })
      ).status,
    ).toBe(200)
    const tooMany = await handler.post('/api/supervision/extensions', {
      caseId,
      workingDays: 3,
      reason: '仍未收到',
    })
    expect(tooMany.status).toBe(409)
    expect(await json<ErrorBody>(tooMany)).toMatchObject({
      error: { code: 'EXTENSION_LIMIT', fields: { workingDays: expect.stringContaining('2') } },
    })
    const before = await rowOf(caseId)
    const second = await json<{ id: string }>(
      await handler.post('/api/supervision/extensions', {
        caseId,
        workingDays: 2,
        reason: '仍未收到',
      }),
    )
    expect(
      (
        await (
          await h.as('county.sup')
        ).post(`/api/supervision/extensions/${second.id}/decision`, {
          decision: 'refuse',
          note: '请尽快办结',
        })
      ).status,
    ).toBe(200)
    expect((await rowOf(caseId))?.stepDue).toBe(before!.stepDue)
    const inbox = await json<{ items: { id: string; status: string }[] }>(
      await (await h.as('county.sup')).get('/api/supervision/extensions?status=refused'),
    )
    expect(inbox.items.map((r) => r.id)).toContain(second.id)
  })
})
