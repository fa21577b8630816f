import { serve, type ServerType } from '@hono/node-server'
import pino, { type Logger } from 'pino'
import { createApp } from './app'
import type { Config } from './config'
import { openDatabase, type Database } from './db/client'
import { migrate } from './db/migrate'
import { relayLiveBus, type LiveRelay } from './modules/live/pg-relay'
import { isEmpty, seedDemo } from './seed/demo'
import { startCaseWorker } from './worker/case-worker'

/** Jobs a worker fires at once on PostgreSQL (its connection pool has 10). */
export const WORKER_CONCURRENCY = 4

export interface RunningServer {
  url: string
  database: Database
  close(): Promise<void>
}

export function createLogger(config: Config): Logger {
  return pino({ level: config.HALL_LOG_LEVEL, base: undefined })
}

export function databaseTarget(config: Config) {
  return config.DATABASE_URL
    ? ({ kind: 'postgres', url: config.DATABASE_URL } as const)
    : ({ kind: 'pglite', dataDir: config.HALL_DATA_DIR } as const)
}

/**
 * Opens and migrates the database, seeds the demo into an empty one (unless HALL_DEMO_SEED=false),
 * and serves API and web apps on one port.
 */
export async function startServer(config: Config, log: Logger = createLogger(config)): Promise<RunningServer> {
  const started = performance.now()
  const database = await openDatabase(databaseTarget(config))
  let relay: LiveRelay
  try {
    await migrate(database)
    if (config.HALL_DEMO_SEED && (await isEmpty(database.db))) {
      log.info('empty database: seeding the demo (hall seed --demo)')
      await seedDemo(database.db)
    }
    // On a PostgreSQL server, this server's streams hear what other servers and `hall worker` commit.
    relay = await relayLiveBus(database, { log, listen: true })
  } catch (error) {
    await database.close()
    throw error
  }
  const app = createApp({ database, config, log, now: () => new Date() })
  // One job worker runs inside every server; `hall worker` adds more (PostgreSQL only).
  const worker = startCaseWorker(database.db, { log, concurrency: database.kind === 'postgres' ? WORKER_CONCURRENCY : 1 })
  const server = await listen(app.fetch, config)
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : config.HALL_PORT
  const url = `http://${config.HALL_HOST === '0.0.0.0' ? '127.0.0.1' : config.HALL_HOST}:${port}`
  log.info({ url, database: database.kind, location: database.location, ms: Math.round(performance.now() - started) }, 'hall is ready')
  return {
    url,
    database,
    async close() {
      await new Promise<void>((done) => server.close(() => done()))
      await worker.stop()
      await relay.stop()
      await database.close()
    },
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], config: Config): Promise<ServerType> {
  return new Promise((done, fail) => {
    const server = serve({ fetch, port: config.HALL_PORT, hostname: config.HALL_HOST }, () => done(server))
    server.once('error', fail)
  })
}
