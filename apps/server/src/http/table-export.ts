import ExcelJS from 'exceljs'
import type { Context } from 'hono'
import { contentDisposition } from '../modules/files/file-names'

/**
 * Tables as files a user downloads (data-center records, statistics, the monthly report): CSV and
 * XLSX written one way, with the same guard against spreadsheet formulas.
 */

/** A cell as exported: text, a number, or empty. */
export type Cell = string | number | null

/** One sheet of a workbook (or the whole of a CSV). */
export interface Sheet {
  name: string
  header: readonly string[]
  body: readonly Cell[][]
}

/**
 * A spreadsheet program runs a cell that starts with = + - @ (or a tab / carriage return before
 * one) as a formula; prefixing a quote keeps such text text (OWASP "CSV injection").
 */
export function guardFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
}

const quote = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value)

/** CSV in UTF-8 with a BOM, so Excel opens Chinese correctly; CRLF line ends as RFC 4180 has them. */
export function toCsv(header: readonly string[], body: readonly Cell[][]): Uint8Array {
  const line = (cells: readonly Cell[]) =>
    cells.map((c) => (c === null ? '' : typeof c === 'number' ? String(c) : quote(guardFormula(c)))).join(',')
  const text = `\uFEFF${[line(header), ...body.map(line)].join('\r\n')}\r\n`
  return new TextEncoder().encode(text)
}

/**
 * An .xlsx workbook, a sheet per table. Text is written as text cells (never formulas) and guarded
 * like CSV, so a copy pasted elsewhere or re-saved as CSV stays inert too.
 */
export async function toWorkbook(sheets: readonly Sheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  for (const { name, header, body } of sheets) {
    // Excel allows 31 characters and none of \ / ? * [ ] : in a sheet name.
    const sheet = workbook.addWorksheet(name.replace(/[\\/?*[\]:]/g, '_').slice(0, 31))
    sheet.addRow([...header]).font = { bold: true }
    for (const cells of body) sheet.addRow(cells.map((c) => (typeof c === 'string' ? guardFormula(c) : c)))
    sheet.columns.forEach((column) => (column.width = 18))
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

/** A one-sheet workbook. */
export const toXlsx = (sheetName: string, header: readonly string[], body: readonly Cell[][]) => toWorkbook([{ name: sheetName, header, body }])

export const TABLE_FORMATS = {
  csv: { mime: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
} as const
export type TableFormat = keyof typeof TABLE_FORMATS

/** The download response: the file name (without extension) may be Chinese; never cached, never sniffed. */
export function fileResponse(c: Context, bytes: Uint8Array, format: TableFormat, baseName: string): Response {
  return c.body(bytes.slice().buffer as ArrayBuffer, 200, {
    'content-type': TABLE_FORMATS[format].mime,
    'content-disposition': contentDisposition(`${baseName}.${TABLE_FORMATS[format].extension}`),
    'x-content-type-options': 'nosniff',
    'cache-control': 'private, no-store',
  })
}

/** A table as the format asked for (one sheet named `sheetName` for XLSX). */
export const tableBytes = (format: TableFormat, sheet: Sheet) => (format === 'csv' ? Promise.resolve(toCsv(sheet.header, sheet.body)) : toWorkbook([sheet]))

/** Today's Beijing date, `2026-12-01`, for file names. */
export const beijingDate = (now: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now)
