import { randomBytes } from 'node:crypto'
import type { Logger } from 'pino'
import postgres from 'postgres'
import type { Database, Db } from '../../db/client'
import { liveBus, type LiveBus, type LiveEvent } from './bus'
import { hydrate, parsePayload, toPayloads } from './wire'

/** The NOTIFY channel every hall process on a database shares. */
export const LIVE_CHANNEL = 'hall_live'
/** How often the relay checks that its listener still hears its own ping; a deaf one is replaced at the next check. */
export const PING_MS = 15_000

/** The listener connection's name in `pg_stat_activity`, per process: operators (and tests) can tell whose it is. */
export const listenerName = (pid: number = process.pid) => `hall live listen ${pid}`

export interface LiveRelay {
  /** Detaches from the bus and closes the relay's connections. */
  stop(): Promise<void>
}

export interface PgRelayOptions {
  log: Logger
  /** Hear every process's events and hand them to this process's streams (servers); `hall worker` only sends. */
  listen: boolean
  pingMs?: number
}

/**
 * The live bus across processes on one PostgreSQL server: what `bus` publishes goes out as NOTIFY
 * (ids and kinds, see wire.ts) on its own connection, and a LISTEN connection hears every process's
 * payloads, this one's included, reads the rows they name and delivers to this process's streams
 * in the order they came. Publishing happens after the command's commit (announce.ts), so a rolled
 * back command sends nothing.
 * A dropped listener is listened again (postgres.js does it at once; a check every `pingMs` replaces
 * one that stopped hearing, as after a failed re-listen or a half-open socket); whatever was sent
 * meanwhile is lost, so each reconnect delivers `resync` and pages reload.
 */
export async function startPgRelay(url: string, db: Db, bus: LiveBus, options: PgRelayOptions): Promise<LiveRelay> {
  const { log } = options
  const self = randomBytes(6).toString('hex')
  const sender = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: `hall live send ${process.pid}` } })
  const notify = (payload: string) => sender.notify(LIVE_CHANNEL, payload).catch((error: unknown) => log.warn({ err: error }, 'live event not sent to the other processes'))
  const detach = bus.useTransport({
    send(event: LiveEvent) {
      if (event.type === 'resync') return bus.deliver(event)
      for (const payload of toPayloads(event)) void notify(payload)
    },
  })

  let listener: postgres.Sql | undefined
  let listened = false
  let heardPing = true
  let checking = false
  let deliveries = Promise.resolve()

  const receive = (payload: string) => {
    const wire = parsePayload(payload)
    if (!wire) return log.warn({ payload: payload.slice(0, 200) }, 'ignored a live payload that is not ours')
    if (wire.t === 'ping') {
      if (wire.from === self) heardPing = true
      return
    }
    deliveries = deliveries
      .then(async () => {
        const event = await hydrate(db, wire)
        if (event) bus.deliver(event)
      })
      .catch((error: unknown) => log.warn({ err: error }, 'live event from another process not delivered'))
  }

  const open = async () => {
    const client = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: listenerName() } })
    try {
      // postgres.js calls this after every LISTEN, its own re-listens after a drop included.
      await client.listen(LIVE_CHANNEL, receive, () => {
        if (listened) {
          log.warn('live listener reconnected: open pages are told to reload')
          bus.deliver({ type: 'resync' })
        }
        listened = true
      })
    } catch (error) {
      await client.end({ timeout: 0 })
      throw error
    }
    listener = client
  }

  const check = async () => {
    if (checking) return
    checking = true
    try {
      if (!heardPing && listener) {
        log.warn('live listener stopped hearing its own ping: reconnecting')
        const deaf = listener
        listener = undefined
        await deaf.end({ timeout: 0 }).catch(() => {})
      }
      if (!listener) await open()
      heardPing = false
      await notify(JSON.stringify({ t: 'ping', from: self }))
    } catch (error) {
      log.warn({ err: error }, 'live listener could not listen; trying again at the next check')
    } finally {
      checking = false
    }
  }

  let timer: NodeJS.Timeout | undefined
  if (options.listen) {
    await open()
    timer = setInterval(() => void check(), options.pingMs ?? PING_MS)
    timer.unref()
  }
  return {
    async stop() {
      clearInterval(timer)
      detach()
      await Promise.all([sender.end({ timeout: 5 }), listener?.end({ timeout: 0 })])
      await deliveries
    },
  }
}

/**
 * Connects the process's bus to the other processes when the database is a PostgreSQL server.
 * PGlite is one process by design (its data folder is locked), so its bus needs nothing.
 */
export function relayLiveBus(database: Database, options: PgRelayOptions): Promise<LiveRelay> {
  if (database.kind !== 'postgres') return Promise.resolve({ stop: async () => {} })
  return startPgRelay(database.url, database.db, liveBus, options)
}
