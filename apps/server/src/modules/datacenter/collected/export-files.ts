import ExcelJS from 'exceljs'
import type { Cell } from './table'

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
 * An .xlsx workbook with one sheet. Text is written as text cells (never formulas) and guarded like
 * CSV, so a copy pasted elsewhere or re-saved as CSV stays inert too.
 */
export async function toXlsx(sheetName: string, header: readonly string[], body: readonly Cell[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet(sheetName)
  sheet.addRow([...header]).font = { bold: true }
  for (const cells of body) sheet.addRow(cells.map((c) => (typeof c === 'string' ? guardFormula(c) : c)))
  sheet.columns.forEach((column) => (column.width = 18))
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
