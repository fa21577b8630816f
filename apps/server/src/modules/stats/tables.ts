import type { Cell, Sheet } from '../../http/table-export'
import { RANGE_WIDE, type GroupRow, type Metrics } from './queries'

/** The exported columns of the figures, in the order a report reads them; rates as percentages. */
const COLUMNS: { key: keyof Metrics; label: string; percent?: boolean }[] = [
  { key: 'received', label: '受理量' },
  { key: 'completed', label: '办结量' },
  { key: 'inProgress', label: '在办量' },
  { key: 'onTimeRate', label: '按时办结率（%）', percent: true },
  { key: 'overdue', label: '超期件数' },
  { key: 'averageWd', label: '平均办理用时（工作日）' },
  { key: 'medianWd', label: '办理用时中位数（工作日）' },
  { key: 'returnedRate', label: '退回率（%）', percent: true },
  { key: 'supplementRate', label: '补正率（%）', percent: true },
  { key: 'satisfactionRate', label: '满意率（%）', percent: true },
  { key: 'evaluated', label: '评价数' },
  { key: 'onlineRate', label: '网上申请率（%）', percent: true },
  { key: 'visitsPerCase', label: '每件跑动次数' },
  { key: 'firstAsks', label: '首问登记数' },
  { key: 'referralCompletionRate', label: '转办办结率（%）', percent: true },
]

/** Figures some tables leave out (null throughout): the range-wide ones, and the median in groups. */
const OPTIONAL: (keyof Metrics)[] = [...RANGE_WIDE, 'medianWd']
/** The columns a table shows: the optional figures only where they were computed. */
const columnsFor = (rows: Metrics[]) => COLUMNS.filter((column) => rows.some((row) => row[column.key] !== null) || !OPTIONAL.includes(column.key))

function cells(row: Metrics, columns: typeof COLUMNS): Cell[] {
  return columns.map(({ key, percent }) => {
    const value = row[key]
    return value === null ? null : percent ? Math.round(value * 10_000) / 100 : value
  })
}

/** A table of figures, one row per labelled line (a period, a window…), as a sheet. */
export function metricsSheet(name: string, firstColumn: string, rows: { label: string; metrics: Metrics }[]): Sheet {
  const columns = columnsFor(rows.map((row) => row.metrics))
  return { name, header: [firstColumn, ...columns.map((c) => c.label)], body: rows.map((row) => [row.label, ...cells(row.metrics, columns)]) }
}

export const groupLines = (rows: GroupRow[]) => rows.map((row) => ({ label: row.name, metrics: row }))

export const DIMENSION_LABELS = { dept: '窗口', item: '事项', handler: '经办人', intake: '申请方式' } as const
