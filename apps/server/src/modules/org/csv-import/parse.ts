import { parse } from 'csv-parse/sync'

export const MAX_IMPORT_ROWS = 10_000

/** One problem in an import file; `row` counts like a spreadsheet (the header is row 1). */
export interface RowError {
  row: number
  column: string
  message: string
}

export interface CsvTable {
  rows: { line: number; values: Record<string, string> }[]
  errors: RowError[]
}

/**
 * Parses an import file (UTF-8, with or without BOM, comma separated, RFC 4180 quotes) and checks
 * its header: every required column present, no unknown column (a misspelt column would otherwise
 * be silently ignored).
 */
export function parseCsv(text: string, required: readonly string[], optional: readonly string[]): CsvTable {
  let records: string[][]
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: false })
  } catch (error) {
    return { rows: [], errors: [{ row: 0, column: '', message: `不是合法的 CSV 文件：${(error as Error).message}` }] }
  }
  const [header, ...body] = records
  if (!header) return { rows: [], errors: [{ row: 1, column: '', message: '文件为空' }] }
  const errors: RowError[] = []
  const known = new Set([...required, ...optional])
  for (const column of header) if (!known.has(column)) errors.push({ row: 1, column, message: `未知的列：${column}` })
  for (const column of required) if (!header.includes(column)) errors.push({ row: 1, column, message: `缺少必需的列：${column}` })
  if (body.length > MAX_IMPORT_ROWS) errors.push({ row: 0, column: '', message: `一次最多导入 ${MAX_IMPORT_ROWS} 行` })
  if (body.length === 0) errors.push({ row: 1, column: '', message: '文件只有表头，没有数据' })
  if (errors.length) return { rows: [], errors }
  const rows = body.map((cells, index) => ({
    line: index + 2,
    values: Object.fromEntries(header.map((column, i) => [column, cells[i] ?? ''])),
  }))
  return { rows, errors }
}

/** `a|b|c` list cells, empty parts dropped. */
export const listCell = (value: string | undefined) =>
  (value ?? '')
    .split('|')
    .map((part) => part.trim())
    .filter(Boolean)
