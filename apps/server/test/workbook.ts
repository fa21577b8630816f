import ExcelJS from 'exceljs'

/** The XLSX workbook a download answered. */
export async function workbookOf(response: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(await response.arrayBuffer())
  return workbook
}

/** Row `n` (1-based) of a sheet as plain values, first column first. */
export const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
