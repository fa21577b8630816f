import { getTableColumns, getTableName, type Column } from 'drizzle-orm'
import type { PgSession, PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '../db/client'

/**
 * The engine's hot statements as SQL text written here, run through drizzle's session (so its
 * logger, driver and transaction still apply) without drizzle's query building, which cost more
 * CPU than the engine itself (about 1 ms an instance: a walk over every chunk and parameter).
 * Values go through the columns' own drizzle mappings both ways, so rows read and written are
 * the same as drizzle's.
 */

/** A table's columns by property (the engine's names) and by database name. */
export interface TableColumns {
  /** The quoted table name. */
  name: string
  byProperty: Map<string, { column: Column; quoted: string }>
  /** Database column name → [property, column], for mapping rows read. */
  byName: Map<string, [string, Column]>
}

const tables = new WeakMap<PgTable, TableColumns>()

export function columnsOf(table: PgTable): TableColumns {
  let found = tables.get(table)
  if (!found) {
    const byProperty = new Map<string, { column: Column; quoted: string }>()
    const byName = new Map<string, [string, Column]>()
    for (const [property, column] of Object.entries(getTableColumns(table))) {
      byProperty.set(property, { column, quoted: quote(column.name) })
      byName.set(column.name, [property, column])
    }
    found = { name: quote(getTableName(table)), byProperty, byName }
    tables.set(table, found)
  }
  return found
}

export const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`

/** The parameters of a statement being written, `$1`, `$2`…, each mapped by its column as drizzle does. */
export class Params {
  readonly values: unknown[] = []

  /** The placeholder of `value` written into `column`; null and undefined are sent as null. */
  add(value: unknown, column?: Column): string {
    this.values.push(value === null || value === undefined ? null : column ? column.mapToDriverValue(value) : value)
    return `$${this.values.length}`
  }
}

/**
 * Statement texts the driver keeps prepared (PostgreSQL: a named statement per connection, parsed
 * and planned once, and no describe round trip before each run). Bounded, since batch texts vary
 * with their row counts: past the bound, new texts run unnamed as drizzle runs them.
 */
const prepared = new Set<string>()
const MAX_PREPARED = 200
/** Longer texts (big batches, a storm's) are rare shapes: not worth a server-side statement. */
const MAX_PREPARED_LENGTH = 4_000

function preparedName(text: string): string | undefined {
  if (prepared.has(text)) return 'hall_engine'
  if (prepared.size >= MAX_PREPARED || text.length > MAX_PREPARED_LENGTH) return undefined
  prepared.add(text)
  return 'hall_engine'
}

type Session = Pick<PgSession, 'prepareQuery'>

/** Run `text` with `params` on `db` (the database or an open transaction); the rows it returns, as the driver gives them. */
export async function run(db: Db, text: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  const session = (db as unknown as { session: Session }).session
  // The name only switches postgres.js to a prepared statement; postgres.js names it itself.
  const result = (await session.prepareQuery({ sql: text, params }, undefined, preparedName(text), false).execute()) as
    | Record<string, unknown>[]
    | { rows: Record<string, unknown>[] }
  return Array.isArray(result) ? result : result.rows
}

/** A row read by {@link run} as drizzle would give it: properties named and values mapped by `table`'s columns. */
export function mapRow<T>(table: TableColumns, row: Record<string, unknown>, prefix = ''): T {
  const mapped: Record<string, unknown> = {}
  for (const [name, [property, column]] of table.byName) {
    const value = row[prefix + name]
    mapped[property] = value === null || value === undefined ? null : column.mapFromDriverValue(value)
  }
  return mapped as T
}

/** `"a" = $1 and "b" is null …`: equality on each property of `match`, null meaning IS NULL. */
export function matching(table: TableColumns, match: Record<string, unknown>, params: Params): string {
  return Object.entries(match)
    .map(([property, value]) => {
      const { column, quoted } = table.byProperty.get(property)!
      return value === null ? `${quoted} is null` : `${quoted} = ${params.add(value, column)}`
    })
    .join(' and ')
}

/** Every column of `table`, qualified by `alias`: the select list that {@link mapRow} maps back. */
export function selectList(table: TableColumns, alias: string): string {
  return [...table.byProperty.values()].map(({ quoted }) => `${alias}.${quoted}`).join(', ')
}
