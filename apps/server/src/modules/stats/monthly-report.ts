import { and, count, eq, gte, inArray, lt } from 'drizzle-orm'
import type { AnyPgColumn } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import { caseBreaches, cases, complaints } from '../../db/schema'
import type { Sheet } from '../../http/table-export'
import { assessmentSheet } from '../assessment/report'
import { grouped, overview } from './queries'
import type { StatsScope } from './scope'
import { groupLines, metricsSheet } from './tables'

/** The first and last day of a `YYYY-MM` month, and the instants that bound it in Beijing time. */
export function monthRange(month: string) {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`
  const last = new Date(Date.parse(`${next}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
  return { from: `${month}-01`, to: last, start: new Date(`${month}-01T00:00:00+08:00`), end: new Date(`${next}-01T00:00:00+08:00`) }
}

/** Counts per window of rows created in the month (complaints, one-time-notice breaches). */
async function perWindow(db: Db, scope: StatsScope, rows: { dept: AnyPgColumn; unit: AnyPgColumn; at: AnyPgColumn }, from: ReturnType<typeof monthRange>, source: 'complaints' | 'breaches') {
  const base = source === 'complaints' ? db.select({ dept: rows.dept, n: count() }).from(complaints).innerJoin(cases, eq(cases.id, complaints.caseId)) : db.select({ dept: rows.dept, n: count() }).from(caseBreaches)
  const found = await base
    .where(and(eq(rows.unit, scope.unitId), scope.deptIds ? inArray(rows.dept, scope.deptIds) : undefined, gte(rows.at, from.start), lt(rows.at, from.end)))
    .groupBy(rows.dept)
  return new Map(found.map((row) => [row.dept as string, row.n]))
}

/**
 * 月报表 (DOMAIN.md §5): volumes, completion, overdue, handling time, satisfaction, complaints and
 * one-time-notice breaches per window for one month, with the scope's total, then the same figures
 * by item and by handler, and the month's assessment (考评) built by the assessment module.
 */
export async function monthlyReport(db: Db, scope: StatsScope, month: string): Promise<Sheet[]> {
  const range = monthRange(month)
  const [windows, itemRows, handlerRows, totals, complaintCounts, breachCounts] = await Promise.all([
    grouped(db, scope, range, 'dept'),
    grouped(db, scope, range, 'item'),
    grouped(db, scope, range, 'handler'),
    overview(db, scope, range),
    perWindow(db, scope, { dept: cases.deptId, unit: complaints.unitId, at: complaints.createdAt }, range, 'complaints'),
    perWindow(db, scope, { dept: caseBreaches.deptId, unit: caseBreaches.unitId, at: caseBreaches.createdAt }, range, 'breaches'),
  ])
  windows.sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  const main = metricsSheet(`${month} 月报表`, '窗口', [...groupLines(windows), { label: '合计', metrics: totals }])
  const extra = (key: string | null, counts: Map<string, number>) => (key === null ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(key) ?? 0))
  const keys = [...windows.map((w) => w.key), null]
  return [
    {
      ...main,
      header: [...main.header, '投诉件数', '一次性告知违规'],
      body: main.body.map((row, i) => [...row.slice(0, main.header.length), extra(keys[i] ?? null, complaintCounts), extra(keys[i] ?? null, breachCounts)]),
    },
    metricsSheet('按事项', '事项', groupLines(itemRows)),
    metricsSheet('按经办人', '经办人', groupLines(handlerRows)),
    await assessmentSheet(db, scope, month),
  ]
}
