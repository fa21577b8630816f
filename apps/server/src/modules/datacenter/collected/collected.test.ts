import ExcelJS from 'exceljs'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { users } from '../../../db/schema'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness } from '../../../../test/harness'
import { writeBack } from '../write-back/write-back'

const ledgerForm = {
  type: 'object',
  properties: {
    applicant: { type: 'string', 'x-collect': 'expense-ledger' },
    expenses: {
      type: 'array',
      items: { type: 'object', properties: { item: { type: 'string', 'x-collect': 'expense-ledger' }, amount: { type: 'number', 'x-collect': 'expense-ledger' } } },
    },
    dorm: { type: 'string', 'x-collect': 'dorm-survey' },
  },
} as const

interface Page { items: { caseId: string; target: string; record: Record<string, unknown> }[]; total: number }

describe.each(testDatabases)('collected data on $name', (kind) => {
  const h = useHarness(kind)

  beforeAll(async () => {
    const [student] = await h.database.db.select().from(users).where(eq(users.username, 'stu.2023001'))
    const cases: [string, Date, Record<string, unknown>][] = [
      ['case-1', new Date('2026-11-20T10:00:00+08:00'), { applicant: '李明', expenses: [{ item: '=1+2', amount: 12.5 }, { item: '打印，复印"彩色"', amount: 30 }], dorm: '东区3栋' }],
      ['case-2', new Date('2026-11-22T23:30:00+08:00'), { applicant: '王芳', expenses: [{ item: '@SUM(A1)', amount: -5 }] }],
    ]
    for (const [caseId, at, data] of cases) {
      await h.database.db.transaction((tx) =>
        writeBack(tx, { unitId: student!.unitId, caseId, itemKey: 'expense-claim', schema: ledgerForm, data, subject: { userId: student!.id }, at }),
      )
    }
  }, 60_000)

  it('lists the records of a target for the unit admin, newest case first and rows in form order, with paging', async () => {
    const admin = await h.as('univ.admin')
    const page = await json<Page>(await admin.get('/api/datacenter/collected?target=expense-ledger&pageSize=2'))
    expect(page.total).toBe(3)
    expect(page.items.map((i) => [i.caseId, i.record.item])).toEqual([['case-2', '@SUM(A1)'], ['case-1', '=1+2']])
    const second = await json<Page>(await admin.get('/api/datacenter/collected?target=expense-ledger&pageSize=2&page=2'))
    expect(second.items.map((i) => i.record.item)).toEqual(['打印，复印"彩色"'])
  })

  it('filters by Beijing calendar days, the last day included', async () => {
    const hall = await h.as('univ.hall')
    const day = await json<Page>(await hall.get('/api/datacenter/collected?from=2026-11-22&to=2026-11-22'))
    expect(day.items.map((i) => i.caseId)).toEqual(['case-2'])
    const item = await json<Page>(await hall.get('/api/datacenter/collected?item=expense-claim&target=dorm-survey'))
    expect(item.items.map((i) => i.record)).toEqual([{ dorm: '东区3栋' }])
    const bad = await hall.get('/api/datacenter/collected?from=22/11/2026')
    expect(bad.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(bad)).error.fields.from).toBe('日期格式应为 YYYY-MM-DD')
  })

  it('is closed to applicants and invisible to another unit', async () => {
    expect((await (await h.as('stu.2023001')).get('/api/datacenter/collected')).status).toBe(403)
    expect((await (await h.as('cs.t1')).get('/api/datacenter/collected/export')).status).toBe(403)
    expect((await json<Page>(await (await h.as('county.admin')).get('/api/datacenter/collected'))).total).toBe(0)
    expect((await h.anonymous.get('/api/datacenter/collected')).status).toBe(401)
  })

  // Record keys come in the order PostgreSQL's jsonb keeps them (shorter keys first), the same on both databases.
  it('exports CSV with a BOM that Excel reads as Chinese, formulas neutralised', async () => {
    const admin = await h.as('univ.admin')
    const response = await admin.get('/api/datacenter/collected/export?format=csv&target=expense-ledger')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toContain("filename*=UTF-8''")
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = new TextDecoder().decode(bytes.subarray(3)).split('\r\n')
    expect(lines.slice(0, 4)).toEqual([
      '采集时间,事项,办件编号,写回目标,item,amount,applicant',
      "2026-11-22 23:30:00,expense-claim,case-2,expense-ledger,'@SUM(A1),-5,王芳",
      "2026-11-20 10:00:00,expense-claim,case-1,expense-ledger,'=1+2,12.5,李明",
      '2026-11-20 10:00:00,expense-claim,case-1,expense-ledger,"打印，复印""彩色""",30,李明',
    ])
  })

  it('exports XLSX that exceljs reads back with Chinese text, numbers as numbers, and no formulas', async () => {
    const admin = await h.as('univ.admin')
    const response = await admin.get('/api/datacenter/collected/export?format=xlsx&target=expense-ledger')
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(await response.arrayBuffer())
    const sheet = workbook.getWorksheet('expense-ledger')!
    const rows = sheet.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))
    expect(rows).toEqual([
      ['采集时间', '事项', '办件编号', '写回目标', 'item', 'amount', 'applicant'],
      ['2026-11-22 23:30:00', 'expense-claim', 'case-2', 'expense-ledger', "'@SUM(A1)", -5, '王芳'],
      ['2026-11-20 10:00:00', 'expense-claim', 'case-1', 'expense-ledger', "'=1+2", 12.5, '李明'],
      ['2026-11-20 10:00:00', 'expense-claim', 'case-1', 'expense-ledger', '打印，复印"彩色"', 30, '李明'],
    ])
    expect(sheet.getCell('E3').type).toBe(ExcelJS.ValueType.String)
  })

  it('records each export in the audit trail', async () => {
    const admin = await h.as('univ.admin')
    await admin.get('/api/datacenter/collected/export?format=csv&target=dorm-survey')
    const { items } = await json<{ items: { detail: { format: string; rows: number } }[] }>(await admin.get('/api/audit?action=datacenter.collected_exported'))
    expect(items[0]?.detail).toMatchObject({ format: 'csv', rows: 1 })
  })
})
