import type { CollectItem } from '@hall/form-schema'

/** One record for a named target: the values of one form (or of one sub-table row, with the form's own values of that target). */
export interface CollectedRecord {
  target: string
  record: Record<string, unknown>
}

/** `expenses[1].amount` → row `expenses[1]`, key `amount`; `name` → no row, key `name`. */
function split(field: string): { row: string | undefined; key: string } {
  const end = field.lastIndexOf('].')
  return end < 0 ? { row: undefined, key: field } : { row: field.slice(0, end + 1), key: field.slice(end + 2) }
}

/**
 * Groups collected items of named targets into records: per target, one record per sub-table row
 * (carrying the target's values from outside the table too, so a ledger row knows whose it is), or
 * a single record when the target has no row values.
 *
 * @example
 * toRecords([{ target: 'ledger', field: 'name', value: '李明' }, { target: 'ledger', field: 'rows[0].amount', value: 5 }])
 * // [{ target: 'ledger', record: { name: '李明', amount: 5 } }]
 */
export function toRecords(items: readonly CollectItem[]): CollectedRecord[] {
  type Entry = { base: Record<string, unknown>; rows: Map<string, Record<string, unknown>> }
  const byTarget = new Map<string, Entry>()
  for (const item of items) {
    const entry: Entry = byTarget.get(item.target) ?? { base: {}, rows: new Map() }
    byTarget.set(item.target, entry)
    const { row, key } = split(item.field)
    if (row === undefined) entry.base[key] = item.value
    else entry.rows.set(row, { ...entry.rows.get(row), [key]: item.value })
  }
  return [...byTarget].flatMap(([target, { base, rows }]) =>
    rows.size === 0 ? [{ target, record: base }] : [...rows.values()].map((values) => ({ target, record: { ...base, ...values } })),
  )
}
