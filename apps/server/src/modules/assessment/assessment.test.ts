import { beforeAll, describe, expect, it } from 'vitest'
import { createServerEngine } from '../../engine/server-engine'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../test/published-item'
import { supervisedItem } from '../../../test/supervised-item'
import { tierOf } from './score'

interface Score {
  id: string
  name: string
  score: number
  tier: string
  rank: number
  lines?: {
    rule: string
    points: number
    reason: string
    source: { type: string }
    caseId: string | null
  }[]
}
interface Month {
  staff: Score[]
  windows: Score[]
}
const HOUR = 3600_000

describe('70/20/10 tiers', () => {
  it('puts the first 70 % on top, the next 20 % in the middle and the last 10 % at the bottom', () => {
    expect(Array.from({ length: 10 }, (_, i) => tierOf(i + 1, 10))).toEqual([
      'top',
      'top',
      'top',
      'top',
      'top',
      'top',
      'top',
      'middle',
      'middle',
      'bottom',
    ])
  })
})

describe.each(testDatabases)('staff and window assessment (考评) on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  let id: (username: string) => string
  let overdueCase: string
  let window: string
  beforeAll(async () => {
    item = await publishItem(h.database, supervisedItem)
    id = await userIds(h.database)
    // November 2026: one step of county.hr.1 goes overdue, county.hr.2 asks twice for materials.
    overdueCase = (await applyFor(await h.as('citizen.zhang'), item.itemId, { name: '张伟' }))
      .caseId
    const { caseId } = await applyFor(await h.as('citizen.li'), item.itemId, { name: '李娜' })
    const clerk = await h.as('county.hr.2')
    await clerk.post(`/api/cases/${caseId}/supplement`, { materialIds: ['idcard'] })
    await (await h.as('citizen.li')).post(`/api/cases/${caseId}/supplied`, {})
    await clerk.post(`/api/cases/${caseId}/supplement`, { materialIds: ['proof'] })
    h.clock.advance(3 * 24 * HOUR)
    await createServerEngine(h.database.db, { now: h.clock.now }).runDueJobs({
      owner: 'test-worker',
    })
    window = (
      await json<Month>(
        await (await h.as('county.sup')).get('/api/assessment/scores?month=2026-11'),
      )
    ).windows.find((w) => w.name === '人力资源社会保障窗口')!.id
  })
  const month = async (username = 'county.sup') =>
    json<Month>(await (await h.as(username)).get('/api/assessment/scores?month=2026-11'))
  const staff = (m: Month, username: string) => m.staff.find((s) => s.id === id(username))!

  it('deducts from the month’s events and adds the supervision office’s bonus up to the cap, each line traceable', async () => {
    const sup = await h.as('county.sup')
    expect(
      (
        await sup.post('/api/assessment/entries', {
          month: '2026-11',
          subjectType: 'staff',
          subjectId: id('county.hr.1'),
          points: 8,
          reason: '群众来信表扬',
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await sup.post('/api/assessment/entries', {
          month: '2026-11',
          subjectType: 'staff',
          subjectId: id('county.hr.2'),
          points: -2,
          reason: '上班时间玩手机',
        })
      ).status,
    ).toBe(201)
    const m = await month()
    expect(staff(m, 'county.hr.1').score).toBe(100 - 6 + 5) // the bonus is capped at 5
    expect(staff(m, 'county.hr.2').score).toBe(100 - 6 - 2)
    expect(staff(m, 'county.intake.1')).toMatchObject({ score: 100, rank: 1, tier: 'top' })
    expect(staff(m, 'county.hr.2').tier).toBe('bottom')
    // The window: its staff's average, minus its own deductions for the overdue step and the breach.
    const hr = m.windows.find((w) => w.id === window)!
    expect(hr.score).toBeCloseTo((100 + 99 + 92) / 3 - 2 - 3, 2)
    const detail = await json<Score>(
      await sup.get(`/api/assessment/scores/staff/${id('county.hr.1')}?month=2026-11`),
    )
    expect(detail.lines).toEqual([
      expect.objectContaining({
        rule: 'staff.overdue_step',
        points: -6,
        source: expect.objectContaining({ type: 'task.overdue' }),
        caseId: overdueCase,
      }),
      expect.objectContaining({
        rule: 'manual',
        points: 8,
        reason: '群众来信表扬',
        source: expect.objectContaining({ type: 'entry' }),
      }),
    ])
    const hr2 = await json<Score>(
      await sup.get(`/api/assessment/scores/staff/${id('county.hr.2')}?month=2026-11`),
    )
    expect(hr2.lines?.map((l) => l.rule)).toEqual(['staff.one_time_notice', 'manual'])
  })

  it('scores with the unit’s own rule table once the supervision office changes it', async () => {
    expect(
      (
        await (
          await h.as('county.hr.1')
        ).request('PUT', '/api/assessment/rules/staff.overdue_step', {
          points: -1,
          cap: null,
          threshold: null,
          enabled: true,
        })
      ).status,
    ).toBe(403)
    const sup = await h.as('county.sup')
    const changed = await sup.request('PUT', '/api/assessment/rules/staff.overdue_step', {
      points: -5,
      cap: null,
      threshold: null,
      enabled: true,
    })
    expect(await json(changed)).toMatchObject({
      code: 'staff.overdue_step',
      points: -5,
      changed: true,
      default: { points: -6 },
    })
    expect(staff(await month(), 'county.hr.1').score).toBe(100 - 5 + 5)
    expect(
      (
        await sup.request('PUT', '/api/assessment/rules/staff.nothing', {
          points: 1,
          cap: null,
          threshold: null,
          enabled: true,
        })
      ).status,
    ).toBe(400)
  })

  it('names quarterly star candidates, leaving out whoever is on the negative list', async () => {
    const sup = await h.as('county.sup')
    await sup.post('/api/assessment/entries', {
      month: '2026-12',
      subjectType: 'staff',
      subjectId: id('county.intake.1'),
      points: -1,
      reason: '有效投诉',
      negative: true,
    })
    const q = await json<{
      stars: { id: string }[]
      negativeList: { id: string }[]
      leadingWindows: { id: string }[]
    }>(await sup.get('/api/assessment/quarters/2026/4'))
    const stars = q.stars.map((s) => s.id)
    expect(stars).toContain(id('county.market.1'))
    expect(stars).not.toContain(id('county.hr.2')) // (100 + 92 + 100) / 3 < 98.5
    expect(stars).not.toContain(id('county.intake.1'))
    expect(q.negativeList.map((s) => s.id)).toContain(id('county.intake.1'))
    expect(q.leadingWindows.map((w) => w.id)).not.toContain(window)
  })

  it('shows a window head only their window, other units nothing, and lets only the office enter points', async () => {
    const head = await month('county.market.head')
    expect(head.staff.every((s) => s.name !== '朱琳')).toBe(true)
    expect(head.windows).toHaveLength(1)
    expect(
      (
        await (
          await h.as('county.market.head')
        ).get(`/api/assessment/scores/staff/${id('county.hr.1')}?month=2026-11`)
      ).status,
    ).toBe(404)
    expect(
      (
        await (
          await h.as('univ.admin')
        ).get(`/api/assessment/scores/staff/${id('county.hr.1')}?month=2026-11`)
      ).status,
    ).toBe(404)
    expect(
      (await (await h.as('citizen.zhang')).get('/api/assessment/scores?month=2026-11')).status,
    ).toBe(403)
    expect(
      (
        await (
          await h.as('county.hr.head')
        ).post('/api/assessment/entries', {
          month: '2026-11',
          subjectType: 'staff',
          subjectId: id('county.hr.1'),
          points: 1,
          reason: '自己加分',
        })
      ).status,
    ).toBe(403)
    const bad = await (
      await h.as('county.sup')
    ).post('/api/assessment/entries', {
      month: '2026-13',
      subjectType: 'staff',
      subjectId: id('univ.hall.1'),
      points: 0,
      reason: 'x',
    })
    expect(
      Object.keys(
        (await json<{ error: { fields: Record<string, string> } }>(bad)).error.fields,
      ).sort(),
    ).toEqual(['month', 'points', 'reason'])
  })
})
