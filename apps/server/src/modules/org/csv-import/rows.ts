import type { z } from '@hono/zod-openapi'
import type { CsvTable, RowError } from './parse'

/** Validates each row's cells with a zod schema, reporting problems by line and column. */
export function validateRows<T extends z.ZodType>(table: CsvTable, schema: T) {
  const errors: RowError[] = []
  const valid: { line: number; value: z.output<T> }[] = []
  for (const row of table.rows) {
    const parsed = schema.safeParse(row.values)
    if (parsed.success) valid.push({ line: row.line, value: parsed.data })
    else for (const issue of parsed.error.issues) errors.push({ row: row.line, column: String(issue.path[0] ?? ''), message: issue.message })
  }
  return { valid, errors }
}

/** Reports every repeated value of a key column after its first appearance. */
export function duplicates<T>(rows: { line: number; value: T }[], key: (value: T) => string, column: string): RowError[] {
  const seen = new Map<string, number>()
  const errors: RowError[] = []
  for (const row of rows) {
    const k = key(row.value).toLowerCase()
    const first = seen.get(k)
    if (first !== undefined) errors.push({ row: row.line, column, message: `与第 ${first} 行重复` })
    else seen.set(k, row.line)
  }
  return errors
}

/** Empty cells mean "not given". */
export const blankToNull = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? null : value)
