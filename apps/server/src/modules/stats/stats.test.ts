import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { departments, statsBacklog, statsCaseFacts, statsDaily, statsHandling, statsHandlingMonthly, statsMonthly, units } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'
import { applyFor, promisedReviewItem, type PublishedItem, publishItem } from '../../../test/published-item'
import { rowValues, workbookOf } from '../../../test/workbook'
import { createServerEngine } from '../../engine/server-engine'
import { rebuildStats, refreshStats } from './refresh'

/** A promised county item at the social-security window: one review step, three working days promised. */
const certificate = promisedReviewItem({
  dept: 'W-HR',
  code: 'insurance-certificate',
  name: '社保参保证明',
  step: { name: '社保经办审核', post: 'P-HR', due: '3wd' },
  promisedWd: 3,
  guide: { materials: [{ id: 'idcard', name: '居民身份证复印件' }] },
})

interface Metrics {
  received: number; completed: number; inProgress: number | null; onTimeRate: number | null; overdue: number; averageWd: number | null
  medianWd: number | null; returnedRate: number | null; supplementRate: number | null; satisfactionRate: number | null; onlineRate: number | null; evaluated: number
  visitsPerCase: number | null; firstAsks: number | null; referralCompletionRate: number | null
}
const HOUR = 3_600_000
const NOVEMBER = 'from=2026-11-01&to=2026-11-30'

const sorted = <T>(rows: T[]) => rows.map((row) => JSON.stringify(row)).sort()

describe.each(testDatabases)('statistics from history (统计分析) on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  let hrWindow: string
  let countyId: string
  const as = (username: string) => h.as(username)
  /** The clerk's open task of the case, agreed at the harness clock's time. */
  const agree = async (caseId: string) => {
    const clerk = await as('county.hr.1')
    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await clerk.get('/api/tasks?box=todo'))
    const task = items.find((entry) => entry.caseId === caseId)
    expect((await clerk.post(`/api/tasks/${task!.taskId}/agree`, {})).status).toBe(200)
  }
  const rate = async (caseId: string, rating: string) => expect((await (await as('citizen.li')).post(`/api/cases/${caseId}/evaluation`, { rating })).status).toBe(201)

  // Monday 2026-11-23 09:00: five applications. Completed after 1, 3 and 5 working days (the last
  // past its 3-day promise), one refused at the window, one waiting for supplement (补正).
  beforeAll(async () => {
    item = await publishItem(h.database, certificate)
    const [county] = await h.database.db.select().from(units).where(eq(units.code, 'county'))
    countyId = county!.id
    const [hr] = await h.database.db.select().from(departments).where(and(eq(departments.unitId, countyId), eq(departments.code, 'W-HR')))
    hrWindow = hr!.id
    const citizen = await as('citizen.li')
    const [a, b, c, refused, waiting] = await Promise.all([0, 1, 2, 3, 4].map(() => applyFor(citizen, item.itemId, { name: '李娜' })))
    await refreshStats(h.database.db)
    const clerk2 = await as('county.hr.2')
    expect((await clerk2.post(`/api/cases/${refused!.caseId}/refuse`, { reasons: '不属于本窗口受理范围', legalBasis: '《社会保险法》第十九条', remedy: '请到户籍地申请' })).status).toBe(201)
    expect((await clerk2.post(`/api/cases/${waiting!.caseId}/supplement`, { materialIds: ['idcard'] })).status).toBe(201)
    h.clock.advance(24 * HOUR) // Tuesday 09:00: one working day
    await agree(a!.caseId)
    await rate(a!.caseId, 'satisfied')
    await refreshStats(h.database.db)
    h.clock.advance(48 * HOUR) // Thursday 09:00: three working days
    await agree(b!.caseId)
    await rate(b!.caseId, 'basically_satisfied')
    h.clock.advance(96 * HOUR) // next Monday 09:00: five working days, two past the promise
    // The worker's timers fire first: the promise has passed, so history records process.overdue.
    await createServerEngine(h.database.db, { now: h.clock.now }).runDueJobs({ owner: 'stats-test' })
    await agree(c!.caseId)
    await rate(c!.caseId, 'unsatisfied')
    await refreshStats(h.database.db)
  }, 120_000)

  it('counts November for the window head: on-time rate, median working days, satisfaction, rates', async () => {
    const head = await as('county.hr.head')
    const response = await head.get(`/api/stats/overview?${NOVEMBER}`)
    expect(response.status).toBe(200)
    expect(await json<Metrics>(response)).toEqual({
      received: 5, completed: 3, inProgress: 1, onTimeRate: 0.6667, overdue: 1, averageWd: 3, medianWd: 3,
      returnedRate: 0.2, supplementRate: 0.2, satisfactionRate: 0.6667, onlineRate: 1, evaluated: 3,
      // All five applied online; the one sent back for supplement is the only trip to the hall.
      visitsPerCase: 0.2, firstAsks: 0, referralCompletionRate: null,
    })
  })

  /** Every derived row, in a stable order: what a rebuild must reproduce exactly. */
  const derived = async () => {
    const { db } = h.database
    return {
      facts: sorted(await db.select().from(statsCaseFacts)),
      daily: sorted(await db.select().from(statsDaily)),
      monthly: sorted(await db.select().from(statsMonthly)),
      handling: sorted(await db.select().from(statsHandling)),
      handlingMonthly: sorted(await db.select().from(statsHandlingMonthly)),
      backlog: sorted(await db.select().from(statsBacklog)),
    }
  }

  it('keeps a rollup built step by step equal to one recounted from scratch', async () => {
    const incremental = await derived()
    expect(incremental.handling.length).toBeGreaterThan(0)
    expect(incremental.backlog.length).toBeGreaterThan(0)
    expect(await refreshStats(h.database.db)).toBeGreaterThanOrEqual(0)
    expect(await derived()).toEqual(incremental)
    expect(await rebuildStats(h.database.db)).toBe(5)
    expect(await derived()).toEqual(incremental)
  })

  it('draws the trend by day and by week, ranks handlers and splits online from desk', async () => {
    const head = await as('county.hr.head')
    const { rows } = await json<{ rows: ({ bucket: string } & Metrics)[] }>(await head.get(`/api/stats/trend?from=2026-11-23&to=2026-11-30&period=day`))
    expect(rows.map((row) => [row.bucket, row.received, row.completed])).toEqual([
      ['2026-11-23', 5, 0], ['2026-11-24', 0, 1], ['2026-11-25', 0, 0], ['2026-11-26', 0, 1], ['2026-11-27', 0, 0], ['2026-11-28', 0, 0], ['2026-11-29', 0, 0], ['2026-11-30', 0, 1],
    ])
    const weeks = await json<{ rows: ({ bucket: string } & Metrics)[] }>(await head.get(`/api/stats/trend?${NOVEMBER}&period=week`))
    expect(weeks.rows.find((row) => row.bucket === '2026-11-23')).toMatchObject({ received: 5, completed: 2, medianWd: 2 })
    expect(weeks.rows.find((row) => row.bucket === '2026-11-30')).toMatchObject({ completed: 1, medianWd: 5 })
    const ranked = await json<{ rows: { name: string; completed: number; received: number }[] }>(await head.get(`/api/stats/ranking?${NOVEMBER}&by=handler&metric=received`))
    expect(ranked.rows.map((row) => [row.name, row.received, row.completed])).toEqual([['朱琳', 3, 3], ['秦川', 1, 0], ['未分派', 1, 0]])
    const pie = await json<{ rows: { key: string; value: number }[] }>(await head.get(`/api/stats/distribution?${NOVEMBER}&share=intake`))
    expect(pie.rows).toEqual([{ key: 'online', name: '网上申请', value: 5 }, { key: 'desk', name: '窗口受理', value: 0 }])
  })

  it('exports every table as XLSX and CSV with Chinese headers, and the monthly report per window', async () => {
    const head = await as('county.hr.head')
    const xlsx = await head.get(`/api/stats/export?table=ranking&by=dept&${NOVEMBER}&format=xlsx`)
    expect(xlsx.status).toBe(200)
    expect(xlsx.headers.get('content-disposition')).toContain('.xlsx')
    const sheet = (await workbookOf(xlsx)).worksheets[0]!
    expect(rowValues(sheet, 1).slice(0, 5)).toEqual(['窗口', '受理量', '办结量', '按时办结率（%）', '超期件数'])
    expect(rowValues(sheet, 2).slice(0, 4)).toEqual(['人力资源社会保障窗口', 5, 3, 66.67])
    const csv = await head.get(`/api/stats/export?table=trend&period=month&${NOVEMBER}&format=csv`)
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await csv.arrayBuffer())
    expect(text.startsWith('\uFEFF统计周期,受理量,办结量,')).toBe(true)
    expect(text).toContain('\r\n2026-11,5,3,')

    const report = await head.get('/api/stats/monthly-report?month=2026-11')
    expect(report.status).toBe(200)
    const book = await workbookOf(report)
    expect(book.worksheets.map((s) => s.name)).toEqual(['2026-11 月报表', '按事项', '按经办人', '考评'])
    const main = book.worksheets[0]!
    const header = rowValues(main, 1)
    expect(header).toEqual(expect.arrayContaining(['窗口', '受理量', '在办量', '办理用时中位数（工作日）', '满意率（%）', '投诉件数', '一次性告知违规']))
    const cell = (row: number, column: string) => rowValues(main, row)[header.indexOf(column)]
    expect([cell(2, '窗口'), cell(2, '受理量'), cell(2, '超期件数')]).toEqual(['人力资源社会保障窗口', 5, 1])
    expect([cell(3, '窗口'), cell(3, '办理用时中位数（工作日）'), cell(3, '满意率（%）')]).toEqual(['合计', 3, 66.67])
  })

  it('shows a window head only their window; admins and the supervision office the unit; others 403 or 404', async () => {
    expect((await (await as('county.market.head')).get(`/api/stats/overview?dept=${hrWindow}`)).status).toBe(404)
    expect(await json<Metrics>(await (await as('county.market.head')).get(`/api/stats/overview?${NOVEMBER}`))).toMatchObject({ received: 0 })
    expect(await json<Metrics>(await (await as('county.sup')).get(`/api/stats/overview?${NOVEMBER}`))).toMatchObject({ received: 5, completed: 3 })
    expect(await json<Metrics>(await (await as('county.hall')).get(`/api/stats/overview?${NOVEMBER}&dept=${hrWindow}`))).toMatchObject({ received: 5 })
    expect((await (await as('univ.hall')).get(`/api/stats/overview?unit=${countyId}`)).status).toBe(404)
    expect((await (await as('county.hr.1')).get('/api/stats/overview')).status).toBe(403)
    expect((await (await as('citizen.li')).get('/api/stats/monthly-report?month=2026-11')).status).toBe(403)
    expect((await h.anonymous.get('/api/stats/overview')).status).toBe(401)
  })

  it('answers bad filters with 400 naming the field', async () => {
    const head: UserClient = await as('county.hr.head')
    const reversed = await head.get('/api/stats/overview?from=2026-11-30&to=2026-11-01')
    expect(reversed.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(reversed)).error.fields).toHaveProperty('to')
    const month = await head.get('/api/stats/monthly-report?month=2026-13')
    expect((await json<{ error: { fields: Record<string, string> } }>(month)).error.fields).toHaveProperty('month')
    expect((await head.get('/api/stats/trend?period=hour')).status).toBe(400)
  })

  it('moves a case that ends after a refresh out of the backlog and into the histogram, exact to the tenth', async () => {
    const head = await as('county.hr.head')
    const monday = async () => json<Metrics>(await head.get('/api/stats/overview?from=2026-11-30&to=2026-11-30'))
    // Monday 2026-11-30 09:00: the five-day case ended today; the one waiting for supplement is open.
    expect(await monday()).toMatchObject({ received: 0, completed: 1, inProgress: 1, medianWd: 5 })
    const late = await applyFor(await as('citizen.li'), item.itemId, { name: '李娜' })
    await refreshStats(h.database.db)
    expect(await monday()).toMatchObject({ received: 1, completed: 1, inProgress: 2, medianWd: 5 })
    h.clock.advance(2 * HOUR) // 11:00: two office hours, 0.29 of a working day
    await agree(late!.caseId)
    await refreshStats(h.database.db)
    // Buckets 0.2 and 5.0: the histogram's median 2.6, the exact one (0.29 + 5) / 2 = 2.645.
    const figures = await monday()
    expect(figures).toMatchObject({ received: 1, completed: 2, inProgress: 1, medianWd: 2.6 })
    const [exact] = (await h.database.db
      .select({ median: sql<number>`percentile_cont(0.5) within group (order by ${statsCaseFacts.handlingWd})`.mapWith(Number) })
      .from(statsCaseFacts)
      .where(and(eq(statsCaseFacts.deptId, hrWindow), eq(statsCaseFacts.endedDay, '2026-11-30'))))!
    expect(exact!.median).toBeCloseTo(2.645, 6)
    expect(figures.medianWd! <= exact!.median && exact!.median < figures.medianWd! + 0.1).toBe(true)
    const incremental = await derived()
    await rebuildStats(h.database.db)
    expect(await derived()).toEqual(incremental)
  })

  it('counts the first-ask register and completed referrals of the window', async () => {
    const clerk = await as('county.hr.1')
    const [intake] = await h.database.db.select().from(departments).where(and(eq(departments.unitId, countyId), eq(departments.code, 'W-INTAKE')))
    const ask = { name: '赵敏', contact: '13905641299', question: '退休人员如何办理养老金资格认证？' }
    expect((await clerk.post('/api/consultations', ask)).status).toBe(201)
    const referred = await json<{ id: string }>(await clerk.post('/api/consultations', { ...ask, referredDeptId: intake!.id }))
    const head = await as('county.hr.head')
    expect(await json<Metrics>(await head.get(`/api/stats/overview?${NOVEMBER}`))).toMatchObject({ firstAsks: 2, referralCompletionRate: 0 })
    expect((await (await as('county.intake.1')).patch(`/api/consultations/${referred.id}`, { referralCompleted: true })).status).toBe(200)
    expect(await json<Metrics>(await head.get(`/api/stats/overview?${NOVEMBER}`))).toMatchObject({ firstAsks: 2, referralCompletionRate: 1 })
    expect(await json<Metrics>(await (await as('county.market.head')).get(`/api/stats/overview?${NOVEMBER}`))).toMatchObject({ firstAsks: 0, referralCompletionRate: null })
  })
})
