import { or, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Db } from '../db/client'

/** A write the engine store queues: data, so that consecutive writes can become one statement. */
export type Write =
  | { kind: 'insert'; table: PgTable; rows: Record<string, unknown>[] }
  | { kind: 'delete'; table: PgTable; where: SQL }
  /** `conflict` is thrown (when the unit settles) if the update matched no row. */
  | { kind: 'update'; table: PgTable; set: Record<string, unknown>; where: SQL; conflict?: () => Error }

type Entry = { deletes: SQL[]; inserts: Record<string, unknown>[] } | { update: Extract<Write, { kind: 'update' }> }

/**
 * Consecutive writes sent as ONE statement: each table's deletes (OR-ed), then its inserts
 * (multi-row), or one update, as data-modifying CTEs of a single `WITH … SELECT`. All parts of
 * a statement see the same snapshot, so a write joins only when running it in the same
 * statement gives what running it after the others would: not after an insert or update of its
 * table, and an update only on a table the batch has not touched. The engine's tables have no
 * foreign keys or triggers between them, so parts on different tables are independent.
 */
export class WriteBatch {
  private readonly tables = new Map<PgTable, Entry>()

  /** Add `write`; false when it cannot join this batch (start a new one after sending this). */
  add(write: Write): boolean {
    const entry = this.tables.get(write.table)
    if (write.kind === 'update') {
      if (entry) return false
      this.tables.set(write.table, { update: write })
      return true
    }
    if (entry && 'update' in entry) return false
    const rows = entry ?? { deletes: [], inserts: [] }
    this.tables.set(write.table, rows)
    if (write.kind === 'insert') rows.inserts.push(...write.rows)
    else if (rows.inserts.length) return false
    else rows.deletes.push(write.where)
    return true
  }

  /** Whether some part must be checked (so the statement cannot run outside a transaction). */
  get checked(): boolean {
    return [...this.tables.values()].some((entry) => 'update' in entry && entry.update.conflict)
  }

  /** Send the batch on `db`; resolves once it ran, throwing a part's conflict if one matched nothing. */
  async send(db: Db): Promise<void> {
    const parts: { query: SQLWrapper; conflict?: () => Error }[] = []
    for (const [table, entry] of this.tables) {
      if ('update' in entry) {
        const { set, where, conflict } = entry.update
        const update = db.update(table).set(set).where(where)
        parts.push(conflict ? { query: update.returning({ one: sql`1` }), conflict } : { query: update })
        continue
      }
      if (entry.deletes.length) parts.push({ query: db.delete(table).where(entry.deletes.length === 1 ? entry.deletes[0] : or(...entry.deletes)) })
      if (entry.inserts.length) parts.push({ query: db.insert(table).values(entry.inserts) })
    }
    if (parts.length === 1 && !parts[0]!.conflict) {
      await (parts[0]!.query as unknown as PromiseLike<unknown>)
      return
    }
    const ctes = sql.join(parts.map((part, i) => sql`${sql.raw(`w${i}`)} as ${part.query}`), sql`, `)
    const checks = parts.flatMap((part, i) => (part.conflict ? [sql.raw(`(select count(*) from w${i})::int as c${i}`)] : []))
    const result: unknown = await db.execute(sql`with ${ctes} select ${checks.length ? sql.join(checks, sql`, `) : sql`1`}`)
    // postgres.js answers with the rows; PGlite with { rows } of objects.
    const row = (Array.isArray(result) ? result[0] : (result as { rows: unknown[] }).rows[0]) as Record<string, number>
    parts.forEach((part, i) => {
      if (part.conflict && !row[`c${i}`]) throw part.conflict()
    })
  }
}
