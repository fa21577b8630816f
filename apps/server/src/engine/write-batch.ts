import type { PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '../db/client'
import { columnsOf, matching, Params, run, type TableColumns } from './statement'

/**
 * Equality on columns, by property; null means IS NULL. Data rather than drizzle SQL, so that a
 * batch writes its statement text directly (see statement.ts).
 */
export type Match = Record<string, unknown>

/** A write the engine store queues: data, so that consecutive writes can become one statement. */
export type Write =
  /** Rows with an `id` (when the table has one): an update of the same row cannot join their batch. */
  | { kind: 'insert'; table: PgTable; rows: Record<string, unknown>[] }
  | { kind: 'delete'; table: PgTable; where: Match }
  /** One row, named by `key`; `conflict` is thrown (when the unit settles) if the update matched no row. */
  | { kind: 'update'; table: PgTable; key: string; set: Record<string, unknown>; where: Match; conflict?: () => Error }

type Update = Extract<Write, { kind: 'update' }>

const INSERT_ROWS = 500
/**
 * Rows inserted + rows updated + delete conditions per statement: bounds its parameters
 * (PostgreSQL takes at most 65,535; a row has up to 19) and its plan.
 */
const MAX_SIZE = 2_000

interface Entry {
  deletes: Match[]
  inserts: Record<string, unknown>[]
  updates: Map<string, Update>
}

/**
 * Consecutive writes sent as ONE statement: per table its deletes (OR-ed), inserts (multi-row)
 * and updates of distinct rows, as data-modifying CTEs of a single `WITH … SELECT`. All parts of
 * a statement see the same snapshot, so a write joins only when running it in the same
 * statement gives what running it after the others would: a delete not after an insert or
 * update of its table, an update not of a row the batch inserted or updated nor after a delete
 * of its table. The engine's tables have no foreign keys or triggers between them, so parts on
 * different tables are independent. (A batch of fired timers becomes one statement.)
 */
export class WriteBatch {
  private readonly tables = new Map<PgTable, Entry>()
  /** Rows inserted, rows updated and delete conditions so far. */
  private size = 0

  /** Add `write`; false when it cannot join this batch (start a new one after sending this). */
  add(write: Write): boolean {
    if (this.size >= MAX_SIZE) return false
    const entry = this.tables.get(write.table) ?? { deletes: [], inserts: [], updates: new Map<string, Update>() }
    if (write.kind === 'delete') {
      if (entry.inserts.length || entry.updates.size) return false
      entry.deletes.push(write.where)
    } else if (write.kind === 'update') {
      if (entry.deletes.length || entry.updates.has(write.key) || entry.inserts.some((row) => row.id === write.key)) return false
      entry.updates.set(write.key, write)
    } else {
      entry.inserts.push(...write.rows)
    }
    this.tables.set(write.table, entry)
    this.size += write.kind === 'insert' ? write.rows.length : 1
    return true
  }

  /** Send the batch on `db`; resolves once it ran, throwing a part's conflict if one matched nothing. */
  async send(db: Db): Promise<void> {
    const params = new Params()
    const parts: { text: string; conflict?: () => Error }[] = []
    for (const [table, entry] of this.tables) {
      const columns = columnsOf(table)
      for (const { set, where, conflict } of entry.updates.values()) {
        const text = `update ${columns.name} set ${assignments(columns, set, params)} where ${matching(columns, where, params)}`
        parts.push(conflict ? { text: `${text} returning 1`, conflict } : { text })
      }
      if (entry.deletes.length) {
        const where = entry.deletes.map((match) => `(${matching(columns, match, params)})`).join(' or ')
        parts.push({ text: `delete from ${columns.name} where ${where}` })
      }
      // PostgreSQL takes at most 65,535 parameters a statement: a few hundred rows per insert.
      for (let i = 0; i < entry.inserts.length; i += INSERT_ROWS) parts.push({ text: insertion(columns, entry.inserts.slice(i, i + INSERT_ROWS), params) })
    }
    if (parts.length === 1 && !parts[0]!.conflict) {
      await run(db, parts[0]!.text, params.values)
      return
    }
    const ctes = parts.map((part, i) => `w${i} as (${part.text})`).join(', ')
    // An update expected to match that matched nothing fails the whole statement (1 / 0), so that
    // nothing of it stays, even when it runs on its own outside a transaction.
    const checks = parts.flatMap((part, i) => (part.conflict ? [`1 / (select count(*) from w${i})::int`] : []))
    try {
      await run(db, `with ${ctes} select ${checks.length ? checks.join(', ') : '1'}`, params.values)
    } catch (error) {
      if (sqlState(error) !== DIVISION_BY_ZERO) throw error
      throw parts.find((part) => part.conflict)!.conflict!()
    }
  }
}

/** `"a" = $1, "b" = $2`: the properties of `set` that are defined (as drizzle's update skips undefined ones). */
function assignments(columns: TableColumns, set: Record<string, unknown>, params: Params): string {
  const parts: string[] = []
  for (const [property, value] of Object.entries(set)) {
    if (value === undefined) continue
    const { column, quoted } = columns.byProperty.get(property)!
    parts.push(`${quoted} = ${params.add(value, column)}`)
  }
  return parts.join(', ')
}

/**
 * A multi-row insert of `rows`: the columns any of them has, in table order; a row without one
 * (or with it undefined) gets its default, as in drizzle's insert.
 */
function insertion(columns: TableColumns, rows: Record<string, unknown>[], params: Params): string {
  const used = [...columns.byProperty].filter(([property]) => rows.some((row) => row[property] !== undefined))
  const values = rows.map((row) => `(${used.map(([property, { column }]) => (row[property] === undefined ? 'default' : params.add(row[property], column))).join(', ')})`)
  return `insert into ${columns.name} (${used.map(([, { quoted }]) => quoted).join(', ')}) values ${values.join(', ')}`
}

const DIVISION_BY_ZERO = '22012'

/** The SQLSTATE of a driver error, also when drizzle wraps it. */
function sqlState(error: unknown): string | undefined {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown }
  return typeof code === 'string' ? code : cause ? sqlState(cause) : undefined
}
