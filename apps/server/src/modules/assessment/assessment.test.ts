import { beforeAll, describe, expect, it } from 'vitest'
import { createServerEngine } from '../../engine/server-engine'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'
import { applyFor, publishItem, userIds, type PublishedItem } from '../../../test/published-item'
import { supervisedItem } from '../../../test/supervised-item'
import { rowValues, workbookOf } from '../../../test/workbook'
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
interface ErrorBody {
  error: { code: string; fields?: Record<string, string> }
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

  /** A case county.hr.1 handles to the end: registered at the desk (`desk`) or applied for online. */
  const finishedCase = async (how: 'desk' | 'online', applicant: string) => {
    const clerk = await h.as('county.hr.1')
    let caseId: string
    if (how === 'desk') {
      const draft = await json<{ id: string }>(
        await clerk.post('/api/cases', { itemId: item.itemId, applicantId: id(applicant), data: { name: '张伟' } }),
      )
      expect((await clerk.post(`/api/cases/${draft.id}/submit`, {})).status).toBe(200)
      caseId = draft.id
    } else caseId = (await applyFor(await h.as(applicant), item.itemId, { name: '李娜' })).caseId
    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await clerk.get('/api/tasks?box=todo'))
    const task = items.find((t) => t.caseId === caseId)!
    expect((await clerk.post(`/api/tasks/${task.taskId}/agree`, {})).status).toBe(200)
    return caseId
  }
  const linesOf = async (type: 'staff' | 'window', subject: string) =>
    (await json<Score>(await (await h.as('county.sup')).get(`/api/assessment/scores/${type}/${subject}?month=2026-11`))).lines!

  it('deducts a desk case finished without an evaluation invitation from whoever took it in, and its window; an invited one costs nothing', async () => {
    const forgotten = await finishedCase('desk', 'citizen.zhang')
    const invited = await finishedCase('desk', 'citizen.zhang')
    const clerk = await h.as('county.hr.1')
    // Another window's staff do not see the case at all.
    expect((await (await h.as('county.market.1')).post(`/api/cases/${invited}/evaluation-invitation`, {})).status).toBe(404)
    const invitation = await clerk.post(`/api/cases/${invited}/evaluation-invitation`, {})
    expect(invitation.status).toBe(201)
    expect(await json(invitation)).toMatchObject({ kind: 'evaluation', data: { link: `/cases/${invited}` } })
    expect((await json<ErrorBody>(await clerk.post(`/api/cases/${invited}/evaluation-invitation`, {}))).error.code).toBe('ALREADY_INVITED')
    const told = await json<{ items: { kind: string; link: string; caseId: string }[] }>(await (await h.as('citizen.zhang')).get('/api/notifications?limit=100'))
    expect(told.items.filter((n) => n.kind === 'case.evaluation_invited')).toEqual([expect.objectContaining({ caseId: invited, link: `/cases/${invited}` })])
    // Online applicants are asked by the completion notification: nobody at the counter to blame.
    await finishedCase('online', 'citizen.li')
    const staffLines = (await linesOf('staff', id('county.hr.1'))).filter((l) => l.rule === 'staff.no_evaluation_invite')
    expect(staffLines).toEqual([expect.objectContaining({ points: -5, caseId: forgotten, source: expect.objectContaining({ type: 'process.ended' }) })])
    const windowLines = (await linesOf('window', window)).filter((l) => l.rule === 'window.no_evaluation_invite')
    expect(windowLines).toEqual([expect.objectContaining({ points: -0.5, caseId: forgotten })])
  })

  it('lets only the supervision office decide a complaint, once; an upheld one costs the person held responsible and the window', async () => {
    const caseId = await finishedCase('online', 'citizen.li')
    const citizen = await h.as('citizen.li')
    const file = async (text: string) => json<{ id: string }>(await citizen.post(`/api/cases/${caseId}/complaints`, { text }))
    const upheld = await file('窗口工作人员态度生硬，多次让我补交材料')
    const dismissed = await file('办理速度太慢，希望当天就能办好')
    const sup = await h.as('county.sup')
    const open = await json<{ items: { id: string; status: string }[] }>(await sup.get('/api/supervision/complaints?status=open'))
    expect(open.items.map((c) => c.id)).toEqual(expect.arrayContaining([upheld.id, dismissed.id]))
    const decide = async (username: string, complaintId: string, body: Record<string, unknown>) =>
      (await h.as(username)).post(`/api/supervision/complaints/${complaintId}/decision`, body)
    expect((await decide('county.hr.head', upheld.id, { decision: 'upheld', note: '经核查属实' })).status).toBe(403)
    expect((await decide('univ.admin', upheld.id, { decision: 'upheld', note: '经核查属实' })).status).toBe(404)
    const stranger = await decide('county.sup', upheld.id, { decision: 'upheld', note: '经核查属实', responsibleId: id('county.market.1') })
    expect(stranger.status).toBe(400)
    expect((await json<ErrorBody>(stranger)).error.fields).toHaveProperty('responsibleId')
    const bad = await decide('county.sup', dismissed.id, { decision: 'dismissed', note: '', responsibleId: id('county.hr.1') })
    expect(Object.keys((await json<ErrorBody>(bad)).error.fields!).sort()).toEqual(['note', 'responsibleId'])
    const decided = await decide('county.sup', upheld.id, { decision: 'upheld', note: '补正材料未一次性告知', responsibleId: id('county.hr.1') })
    expect(await json(decided)).toMatchObject({ status: 'closed', decision: 'upheld', responsibleId: id('county.hr.1'), decidedBy: id('county.sup') })
    expect((await json<ErrorBody>(await decide('county.sup', upheld.id, { decision: 'dismissed', note: '改判' }))).error.code).toBe('COMPLAINT_DECIDED')
    expect((await decide('county.sup', dismissed.id, { decision: 'dismissed', note: '在承诺时限内办结' })).status).toBe(200)
    const told = await json<{ items: { kind: string; title: string }[] }>(await (await h.as('citizen.li')).get('/api/notifications?limit=100'))
    expect(told.items.filter((n) => n.kind === 'complaint.decided').map((n) => n.title).sort()).toEqual(['您的投诉经核查不属实', '您的投诉经核查属实'])
    const staffLines = (await linesOf('staff', id('county.hr.1'))).filter((l) => l.rule === 'staff.complaint_upheld')
    expect(staffLines).toEqual([expect.objectContaining({ points: -6, caseId, reason: '投诉经认定属实：补正材料未一次性告知', source: { type: 'complaint', id: upheld.id } })])
    expect((await linesOf('window', window)).filter((l) => l.rule === 'window.complaint_upheld')).toEqual([expect.objectContaining({ points: -2, source: { type: 'complaint', id: upheld.id } })])
    // The rule table prices it like every other rule.
    await sup.request('PUT', '/api/assessment/rules/staff.complaint_upheld', { points: -3, cap: null, threshold: null, enabled: true })
    expect((await linesOf('staff', id('county.hr.1'))).find((l) => l.rule === 'staff.complaint_upheld')?.points).toBe(-3)
  })

  it('puts the month’s assessment in the monthly report: each window of the reader with its score and tier, then its staff with their deductions', async () => {
    const head = await h.as('county.hr.head')
    const scores = await month('county.hr.head')
    const book = await workbookOf(await head.get('/api/stats/monthly-report?month=2026-11'))
    const sheet = book.getWorksheet('考评')!
    expect(rowValues(sheet, 1)).toEqual(['窗口', '考评对象', '名称', '得分', '名次', '档次', '扣分', '加分', '扣分明细'])
    const rows = Array.from({ length: sheet.rowCount - 1 }, (_, i) => rowValues(sheet, i + 2))
    const hr = scores.windows.find((w) => w.id === window)!
    expect(rows[0]!.slice(0, 6)).toEqual(['人力资源社会保障窗口', '窗口', '人力资源社会保障窗口', hr.score, hr.rank, { top: '一档', middle: '二档', bottom: '三档' }[hr.tier]])
    // A window head's report holds their window alone.
    expect(rows.every((r) => r[0] === '人力资源社会保障窗口')).toBe(true)
    const clerk = rows.find((r) => r[1] === '工作人员' && r[2] === staff(scores, 'county.hr.1').name)!
    expect(clerk[3]).toBe(staff(scores, 'county.hr.1').score)
    expect(clerk[8]).toEqual(expect.stringContaining('投诉经认定属实：补正材料未一次性告知 -3'))
    expect(clerk[8]).toEqual(expect.stringContaining('窗口办件办结后未邀请申请人评价 -5'))
  })
})
