/** `expenses[1].amount` (form-schema's concrete path) → `expenses.1.amount` (Formily's). */
export function toFormilyPath(path: string): string {
  return path.replace(/\[(\d+)\]/g, '.$1')
}

/** Paths inside a sub-table row are drawn by SubTable from the shared context, not by Formily fields. */
export function isRowPath(path: string): boolean {
  return path.includes('[')
}

/** `expenses[1].amount` → its row prefix `expenses[1]` and column `amount`. */
export function cellPath(tablePath: string, row: number, column: string): string {
  return `${tablePath}[${row}].${column}`
}
