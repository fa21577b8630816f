import { protocol, type PGlite, type QueryOptions, type Results, type Transaction } from '@electric-sql/pglite'
import { Turns } from './pglite-turns'
import { bindExecuteSync, readReply, type Reply } from './pglite-wire'

/**
 * PGlite with every statement drizzle sends run as a named prepared statement.
 *
 * PGlite's own `query()` spends most of a small statement's time around it rather than in it:
 * six calls into the WebAssembly PostgreSQL (parse, describe, bind, describe, execute, sync),
 * a parse and plan of the text every time, and a copy of its parser map (some 200 entries) for
 * every query that passes `parsers`, which drizzle always does (an indexed one-row select took
 * about five times as long through `query()` as prepared and run by one call; the engine's
 * benchmark doubled, docs/benchmarks.md). So each distinct statement text is parsed,
 * described and planned once (one call), then every run is one call; values are serialized and
 * rows parsed by PGlite's own serializers and parsers, as `query()` would, so results are the same.
 *
 * - Texts of DML (`select`, `insert`, `update`, `delete`, `with`) up to {@link MAX_TEXT} characters
 *   are kept prepared, the {@link MAX_PREPARED} most recently used of them (older ones are
 *   closed); other statements (DDL of migrations, `savepoint`…) run as the unnamed statement,
 *   still in two calls rather than six.
 * - Statements run under PGlite's own locks, as `query()` does: outside a transaction they wait
 *   for the open one to end, inside `transaction()` they take the query lock only; but a
 *   statement waits for the transaction open now only, not for every one queued after it
 *   ({@link Turns}).
 * - A prepared statement the server no longer knows, or whose result columns changed under it
 *   (DDL since it was prepared), is prepared again; outside a transaction the statement is then
 *   run again, inside one the error stands (the transaction is aborted anyway).
 * - Not carried over from `query()`: `blob` (`/dev/blob` COPY; those queries go to `query()`
 *   itself) and NOTIFY delivery to this process's `listen()` callbacks, which the server does
 *   not use on PGlite (its live bus is in-process there).
 */
export function withPreparedStatements(pg: PGlite): PGlite {
  const turns = new Turns()
  const statements = new PreparedStatements(pg, turns)
  const query = (text: string, params: unknown[] = [], options?: QueryOptions) =>
    options?.blob ? pg.query(text, params, options) : statements.runAlone(text, params, options)
  const transaction = <T>(work: (tx: Transaction) => Promise<T>) =>
    turns.transaction(() =>
      pg.transaction((tx) =>
        work(
          Object.create(tx, {
            query: {
              value: (text: string, params: unknown[] = [], options?: QueryOptions) => {
                if (tx.closed) throw new Error('Transaction is closed')
                return options?.blob ? tx.query(text, params, options) : statements.run(text, params, options, true)
              },
            },
          }) as Transaction,
        ),
      ),
    )
  return new Proxy(pg, {
    get(target, property) {
      if (property === 'query') return query
      if (property === 'transaction') return transaction
      const value: unknown = Reflect.get(target, property, target)
      // PGlite's methods use private fields: they must run on PGlite itself, not on the proxy.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value
    },
  })
}

/** Statements kept prepared at most (least recently used closed first). */
const MAX_PREPARED = 256
/** Longer texts (multi-row inserts of a bulk load) rarely repeat: run unnamed. */
const MAX_TEXT = 8_000
const DML = /^\s*(select|insert|update|delete|with)\b/i

/** A message from the server, as PGlite's protocol parser gives it. */
type BackendMessage = Parameters<Parameters<InstanceType<typeof protocol.Parser>['parse']>[1]>[0]

/** What a statement run alone answers, having run nothing, when it found a transaction block open. */
const IN_TRANSACTION = Symbol('in transaction')

const INVALID_STATEMENT_NAME = '26000'
const FEATURE_NOT_SUPPORTED = '0A000'

interface Prepared {
  /** '' for the unnamed statement. */
  name: string
  paramTypes: number[]
  fields: { name: string; dataTypeID: number }[]
}

/** The statements prepared on one PGlite (one session), by text. */
class PreparedStatements {
  /** In use order, least recent first (a Map keeps insertion order). */
  private readonly byKey = new Map<string, Prepared>()
  /** Names evicted, closed with the next statement prepared. */
  private closing: string[] = []
  private counter = 0

  constructor(
    private readonly pg: PGlite,
    private readonly turns: Turns,
  ) {}

  /**
   * A statement outside any transaction. PGlite's `query()` takes its transaction lock and then
   * its query lock; the query lock alone is enough while no transaction block is open, since
   * under it no other statement (a BEGIN included) can run. While one of our transactions is
   * open it waits for that one to end (see {@link Turns}); inside a block opened otherwise, for
   * PGlite's transaction lock, as `query()` would.
   */
  async runAlone(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<never>> {
    for (;;) {
      if (this.pg.closed) throw new Error('PGlite is closed')
      const result = await this.pg._runExclusiveQuery<Results<never> | typeof IN_TRANSACTION>(() => (this.pg.isInTransaction() ? Promise.resolve(IN_TRANSACTION) : this.locked(text, params, options, false)))
      if (result !== IN_TRANSACTION) {
        await this.turns.pause()
        return result
      }
      if (!(await this.turns.waitForRunning())) return this.pg._runExclusiveTransaction(() => this.run(text, params, options, false))
    }
  }

  /** `text` with `params`, under the query lock (the caller holds the transaction lock when it must). */
  run(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<never>> {
    return this.pg._runExclusiveQuery(() => this.locked(text, params, options, inTransaction))
  }

  /** Run `text`, the query lock held; a statement the server lost or outdated is prepared again. */
  private async locked(text: string, params: unknown[], options: QueryOptions | undefined, inTransaction: boolean): Promise<Results<never>> {
    try {
      return await this.execute(text, params, options)
    } catch (error) {
      if (!(error instanceof protocol.messages.DatabaseError) || !this.stale(error, text, options)) throw fail(error, text, params, options)
      // Outside a transaction the failed statement changed nothing: run it again, prepared anew.
      if (inTransaction || this.pg.isInTransaction()) throw fail(error, text, params, options)
      return await this.execute(text, params, options).catch((again: unknown) => {
        throw fail(again, text, params, options)
      })
    } finally {
      if (!inTransaction) await this.pg.syncToFs()
    }
  }

  private async execute(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<never>> {
    const prepared = this.used(keyOf(text, options)) ?? (await this.prepare(text, options))
    const values = params.map((value, i) => serializeParam(this.pg, value, prepared.paramTypes[i], options))
    const chunks: Uint8Array[] = []
    // The answer arrives as views into PGlite's memory, valid only during the callback.
    await this.pg.execProtocolRawStream(bindExecuteSync(prepared.name, values), { syncToFs: false, onRawData: (bytes) => void chunks.push(bytes.slice()) })
    const reply = readReply(chunks.length === 1 ? chunks[0]! : concat(chunks))
    if (reply.error) throw reply.error
    return resultOf(this.pg, prepared, reply, options)
  }

  private async prepare(text: string, options: QueryOptions | undefined): Promise<Prepared> {
    const name = DML.test(text) && text.length <= MAX_TEXT ? `hall_${++this.counter}` : ''
    // Room for it first, so that the statement closed goes in the same call.
    if (name && this.byKey.size >= MAX_PREPARED) this.forget(this.byKey.keys().next().value!)
    const closes = this.closing.map((closed) => protocol.serialize.close({ type: 'S', name: closed }))
    this.closing = []
    const messages = await this.exchange(
      ...closes,
      protocol.serialize.parse({ name, text, types: options?.paramTypes }),
      protocol.serialize.describe({ type: 'S', name }),
      protocol.serialize.sync(),
    )
    const prepared: Prepared = { name, paramTypes: [], fields: [] }
    for (const message of messages) {
      if (message instanceof protocol.messages.ParameterDescriptionMessage) prepared.paramTypes = message.dataTypeIDs
      if (message instanceof protocol.messages.RowDescriptionMessage) prepared.fields = message.fields.map((field) => ({ name: field.name, dataTypeID: field.dataTypeID }))
    }
    if (name) this.byKey.set(keyOf(text, options), prepared)
    return prepared
  }

  /** The statement kept for `key`, now the most recently used. */
  private used(key: string): Prepared | undefined {
    const prepared = this.byKey.get(key)
    if (prepared) {
      this.byKey.delete(key)
      this.byKey.set(key, prepared)
    }
    return prepared
  }

  /** Drop the statement kept for `key`; it is closed with the next one prepared. */
  private forget(key: string): void {
    this.closing.push(this.byKey.get(key)!.name)
    this.byKey.delete(key)
  }

  /**
   * Whether `error` says the prepared statement of `text` is gone or outdated; if so it is
   * forgotten, so that the next run prepares it again.
   */
  private stale(error: InstanceType<typeof protocol.messages.DatabaseError>, text: string, options: QueryOptions | undefined): boolean {
    const key = keyOf(text, options)
    if (!this.byKey.has(key)) return false
    if (error.code === INVALID_STATEMENT_NAME) this.byKey.delete(key)
    else if (error.code === FEATURE_NOT_SUPPORTED && error.message.includes('cached plan')) this.forget(key)
    else return false
    return true
  }

  /** Send `messages` in one call; the server's answers, or the first error among them thrown (by PGlite). */
  private async exchange(...messages: Uint8Array[]): Promise<BackendMessage[]> {
    return (await this.pg.execProtocol(concat(messages), { syncToFs: false })).messages
  }
}

const keyOf = (text: string, options: QueryOptions | undefined) => (options?.paramTypes?.length ? `${text}\u0000${options.paramTypes.join(',')}` : text)

/** As PGlite's query() serializes a parameter: by the type the server expects, else as text. */
function serializeParam(pg: PGlite, value: unknown, type: number | undefined, options: QueryOptions | undefined): string | null {
  if (value === null || value === undefined) return null
  const serializer = (type !== undefined ? (options?.serializers?.[type] ?? pg.serializers[type]) : undefined) as ((value: unknown) => string) | undefined
  return serializer ? serializer(value) : String(value)
}

/** The result PGlite's query() gives for this reply: rows parsed by type, as objects or arrays. */
function resultOf(pg: PGlite, prepared: Prepared, reply: Reply, options: QueryOptions | undefined): Results<never> {
  const { fields } = prepared
  const parsers = fields.map(({ dataTypeID }) => (options?.parsers?.[dataTypeID] ?? pg.parsers[dataTypeID]) as ((value: string, type: number) => unknown) | undefined)
  const rows = reply.rows.map((texts) => {
    const values = texts.map((value, i) => (value === null ? null : parsers[i] ? parsers[i](value, fields[i]!.dataTypeID) : value))
    if (options?.rowMode === 'array') return values
    const row: Record<string, unknown> = {}
    fields.forEach((field, i) => (row[field.name] = values[i]))
    return row
  })
  return { rows: rows as never[], fields, command: reply.command, affectedRows: reply.affectedRows, ...(reply.rowCount === undefined ? {} : { rowCount: reply.rowCount }) } as Results<never>
}

/** The error as PGlite's query() throws it: the server's, with the query, its parameters and options attached. */
function fail(error: unknown, query: string, params: unknown[], options: QueryOptions | undefined): unknown {
  if (error instanceof protocol.messages.DatabaseError) Object.assign(error, { query, params, queryOptions: options })
  return error
}

function concat(parts: Uint8Array[]): Uint8Array {
  const message = new Uint8Array(parts.reduce((length, part) => length + part.length, 0))
  let offset = 0
  for (const part of parts) {
    message.set(part, offset)
    offset += part.length
  }
  return message
}
