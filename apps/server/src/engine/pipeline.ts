import type { Db } from '../db/client'
import { WriteBatch, type Write } from './write-batch'

/**
 * One engine unit of work on the database, spending as few round trips as it can:
 * - the transaction opens only when a write must be sent before the unit ends (a read after
 *   it, a claim, a savepoint), so reads before it (and units that only read) run as single
 *   statements without BEGIN/COMMIT — the same as reading inside the transaction at READ
 *   COMMITTED, where every statement takes a fresh snapshot anyway;
 * - writes are queued and sent as few statements as can be ({@link WriteBatch}) when the unit
 *   next reads, settles or commits, without waiting for their answers (postgres.js pipelines
 *   them on the transaction's connection; PGlite queues them in order); a failed write, or an
 *   update that matched no row where one was expected, makes the next settle throw;
 * - a unit whose writes all fit in one statement and that opened no transaction (a start, a
 *   task completed) commits as that single statement, atomic on its own, without BEGIN/COMMIT;
 *   its version checks fail the statement itself (see {@link WriteBatch}) — except in a
 *   caller's transaction (`inTransaction`, drizzle-store.ts), where it writes in a savepoint.
 * Statements reach the connection in the order they are issued, so reads see earlier writes.
 * The unit's own writes are flushed before its reads of engine rows; `reader()` (org lookups)
 * does not flush, the engine never writing those tables.
 */
export class Pipeline {
  private tx: Db | undefined
  private opening: Promise<Db> | undefined
  private held: HeldTransaction | undefined
  private pending: Promise<void>[] = []
  private batch: WriteBatch | undefined
  private failure: { error: unknown } | undefined
  private inSavepoint = false

  /**
   * On `db`; `joined` when `db` is a caller's open transaction: the unit's transaction is then a
   * savepoint in it, and the unit never commits as a lone statement, whose failure (a version
   * conflict the engine retries) would abort the caller's whole transaction.
   */
  constructor(
    private readonly db: Db,
    private readonly options: { joined?: boolean } = {},
  ) {}

  /** Where reads of this unit go now: its transaction (or savepoint) once open or opening, else the database. */
  async reader(): Promise<Db> {
    return this.tx ?? (this.opening ? await this.opening : this.db)
  }

  /** A read; when it fails because an earlier write failed, the write's error is the one thrown. */
  async read<R>(statement: (db: Db) => PromiseLike<R>): Promise<R> {
    this.flush()
    try {
      return await statement(await this.reader())
    } catch (error) {
      await this.settle()
      throw error
    }
  }

  /** A write whose answer the caller needs (claims, fenced deletes): inside the transaction, awaited. */
  async writeAndRead<R>(statement: (tx: Db) => PromiseLike<R>): Promise<R> {
    this.flush()
    try {
      return await statement(await this.begin())
    } catch (error) {
      await this.settle()
      throw error
    }
  }

  /**
   * The host's own statements that must commit with this unit (the engine's `beforeCommit`):
   * `work` gets the unit's transaction (or its savepoint, when a job fires alone), opened now
   * and with every queued write settled first, so it reads the unit's writes.
   */
  async within<R>(work: (tx: Db) => Promise<R>): Promise<R> {
    await this.begin()
    await this.settle()
    return work(this.tx!)
  }

  /** Queue a write; it joins the queued batch when it can, else the batch is sent first. */
  write(write: Write): void {
    if (this.batch?.add(write)) return
    this.flush()
    this.batch = new WriteBatch()
    this.batch.add(write)
  }

  /** Send the queued batch, in the transaction, without waiting for its answer. */
  private flush(): void {
    const batch = this.batch
    if (!batch) return
    this.batch = undefined
    const sent = this.tx ? batch.send(this.tx) : this.begin().then((tx) => batch.send(tx))
    this.pending.push(sent.catch((error: unknown) => void (this.failure ??= { error })))
  }

  /** Wait for every write queued so far; throws the first failure among them. */
  async settle(): Promise<void> {
    this.flush()
    while (this.pending.length) await Promise.all(this.pending.splice(0))
    const failure = this.failure
    this.failure = undefined
    if (failure) throw failure.error
  }

  /**
   * `work` in a savepoint: when it throws, its statements are undone and the transaction goes on.
   * It is the driver's own savepoint (a nested drizzle transaction): postgres.js fails a whole
   * transaction on any failed statement unless that statement ran in one of its savepoints.
   */
  async savepoint<T>(work: () => Promise<T>): Promise<T> {
    if (this.inSavepoint) throw new Error('Engine savepoints do not nest')
    const outer = await this.begin()
    await this.settle()
    this.inSavepoint = true
    try {
      const savepoint = await holdTransaction(outer)
      this.tx = savepoint.tx
      try {
        const result = await work()
        await this.settle()
        await savepoint.commit()
        return result
      } catch (error) {
        await this.settle().catch(() => undefined)
        await savepoint.rollback(error)
        throw error
      }
    } finally {
      this.tx = outer
      this.inSavepoint = false
    }
  }

  /** Settle, then commit the transaction if one was opened. */
  async commit(): Promise<void> {
    if (this.batch && !this.opening && !this.options.joined) {
      // Everything the unit wrote is one statement: it is atomic without a transaction.
      const batch = this.batch
      this.batch = undefined
      return batch.send(this.db)
    }
    await this.settle()
    await this.held?.commit()
  }

  /** Drop everything this unit sent. */
  async rollback(error: unknown): Promise<void> {
    this.batch = undefined
    await this.settle().catch(() => undefined)
    await this.opening?.catch(() => undefined)
    await this.held?.rollback(error)
  }

  private begin(): Promise<Db> {
    this.opening ??= holdTransaction(this.db).then((held) => {
      this.held = held
      this.tx = held.tx
      return held.tx
    })
    return this.opening
  }
}

interface HeldTransaction {
  tx: Db
  commit(): Promise<void>
  rollback(error: unknown): Promise<void>
}

/** Open a transaction (a savepoint, on a transaction) and keep it open until commit or rollback. */
function holdTransaction(db: Db): Promise<HeldTransaction> {
  return new Promise((ready, fail) => {
    const done = db.transaction(
      (tx) =>
        new Promise<void>((commit, rollback) => {
          ready({
            tx,
            commit: async () => {
              commit()
              await done
            },
            rollback: async (error) => {
              rollback(error)
              await done.catch(() => undefined)
            },
          })
        }),
    )
    done.catch(fail)
  })
}
