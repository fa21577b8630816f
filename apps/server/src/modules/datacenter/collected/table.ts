import type { dcCollected } from '../../../db/schema'
import type { Cell } from '../../../http/table-export'

type Row = typeof dcCollected.$inferSelect

const FIXED = ['采集时间', '事项', '办件编号', '写回目标'] as const

const beijing = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
})

function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (typeof value === 'string') return value
  return JSON.stringify(value)
}

/**
 * Collected records as one table: the fixed columns, then every record key in the order first
 * met, so records of different shapes line up under one header.
 */
export function toTable(rows: readonly Row[]): { header: string[]; body: Cell[][] } {
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row.record)))]
  return {
    header: [...FIXED, ...keys],
    body: rows.map((row) => [beijing.format(row.collectedAt), row.itemKey, row.caseId, row.target, ...keys.map((key) => cell(row.record[key]))]),
  }
}
