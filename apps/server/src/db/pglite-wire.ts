import { protocol } from '@electric-sql/pglite'

/**
 * The few PostgreSQL wire-protocol messages a prepared statement's run needs, written and read
 * here rather than by PGlite's bundled pg-protocol, whose writer and parser keep their state in
 * transpiled private fields (a WeakMap lookup per byte field): on an engine command they cost
 * more than the statement itself. Text format throughout, as PGlite's `query()` uses.
 */

const NUL = 0

/** Bind `values` (text, or null) to the prepared `statement`, execute it and sync: one message buffer. */
export function bindExecuteSync(statement: string, values: (string | null)[]): Uint8Array {
  const statementBytes = Buffer.byteLength(statement)
  const lengths = values.map((value) => (value === null ? -1 : Buffer.byteLength(value)))
  // Bind: code, length, portal "" NUL, statement NUL, 0 parameter formats (all text), n values, each
  // length + bytes, 0 result formats (all text).
  const bindLength = 4 + 1 + statementBytes + 1 + 2 + 2 + lengths.reduce((sum, length) => sum + 4 + Math.max(length, 0), 0) + 2
  const message = Buffer.allocUnsafe(1 + bindLength + EXECUTE_SYNC.length)
  let at = message.writeUInt8(0x42, 0)
  at = message.writeInt32BE(bindLength, at)
  at = message.writeUInt8(NUL, at)
  at += message.write(statement, at)
  at = message.writeUInt8(NUL, at)
  at = message.writeInt16BE(0, at)
  at = message.writeInt16BE(values.length, at)
  values.forEach((value, i) => {
    at = message.writeInt32BE(lengths[i]!, at)
    if (value !== null) at += message.write(value, at)
  })
  at = message.writeInt16BE(0, at)
  message.set(EXECUTE_SYNC, at)
  return message
}

/** Execute the unnamed portal, all rows (E), then Sync (S). */
const EXECUTE_SYNC = Uint8Array.from([0x45, 0, 0, 0, 9, NUL, 0, 0, 0, 0, 0x53, 0, 0, 0, 4])

/** What a run of a statement answered: its rows as text columns, its command tag, or the first error. */
export interface Reply {
  rows: (string | null)[][]
  /** The tag's first word: `SELECT`, `INSERT`… */
  command?: string
  /** The count a tag ends in ("SELECT 2", "INSERT 0 5"); none for tags that end in a word. */
  rowCount?: number
  /** Rows inserted, updated, deleted, copied or merged. */
  affectedRows: number
  error?: InstanceType<typeof protocol.messages.DatabaseError>
}

/** Read the server's messages in `bytes` (complete messages, as one call into PGlite returns them). */
export function readReply(bytes: Uint8Array): Reply {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const reply: Reply = { rows: [], affectedRows: 0 }
  for (let at = 0; at < buffer.length; ) {
    const code = buffer[at]!
    const end = at + 1 + buffer.readInt32BE(at + 1)
    const body = at + 5
    if (code === 0x44) reply.rows.push(dataRow(buffer, body))
    else if (code === 0x43) completed(reply, buffer.toString('utf8', body, end - 1))
    else if (code === 0x45 && !reply.error) reply.error = databaseError(buffer, body, end)
    // The rest carries nothing a run needs (BindComplete, ReadyForQuery, notices…).
    at = end
  }
  return reply
}

function dataRow(buffer: Buffer, body: number): (string | null)[] {
  const count = buffer.readInt16BE(body)
  const row = new Array<string | null>(count)
  let at = body + 2
  for (let i = 0; i < count; i++) {
    const length = buffer.readInt32BE(at)
    at += 4
    if (length < 0) row[i] = null
    else {
      row[i] = buffer.toString('utf8', at, at + length)
      at += length
    }
  }
  return row
}

/** Read a command tag ("INSERT 0 5", "UPDATE 3", "CREATE TABLE") into `reply`, as PGlite's query() does. */
function completed(reply: Reply, tag: string): void {
  const words = tag.split(' ')
  const count = Number.parseInt(words.at(-1)!, 10)
  reply.command = words[0]
  if (Number.isNaN(count)) delete reply.rowCount
  else reply.rowCount = count
  if (COUNTED.has(words[0]!)) reply.affectedRows += count
}

const COUNTED = new Set(['INSERT', 'UPDATE', 'DELETE', 'COPY', 'MERGE'])

/** An ErrorResponse as pg-protocol's parser builds it, so that callers see the same error. */
function databaseError(buffer: Buffer, body: number, end: number): InstanceType<typeof protocol.messages.DatabaseError> {
  const fields: Record<string, string> = {}
  for (let at = body; at < end && buffer[at] !== NUL; ) {
    const type = String.fromCharCode(buffer[at]!)
    const stop = buffer.indexOf(NUL, at + 1)
    fields[type] = buffer.toString('utf8', at + 1, stop)
    at = stop + 1
  }
  const error = new protocol.messages.DatabaseError(fields.M ?? 'unknown error', end - body + 4, 'error')
  Object.assign(error, {
    severity: fields.S,
    code: fields.C,
    detail: fields.D,
    hint: fields.H,
    position: fields.P,
    internalPosition: fields.p,
    internalQuery: fields.q,
    where: fields.W,
    schema: fields.s,
    table: fields.t,
    column: fields.c,
    dataType: fields.d,
    constraint: fields.n,
    file: fields.F,
    line: fields.L,
    routine: fields.R,
  })
  return error
}
