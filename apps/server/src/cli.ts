#!/usr/bin/env node
/**
 * The `hall` command: start | migrate | seed --demo | worker | simulate | export | import | stats rebuild.
 * Run from the repository with `pnpm hall <command>` or, built, `node apps/server/dist/cli.mjs <command>`.
 */
import { runSimulateCli } from '@hall/process-engine/cli'
import { ConfigError, loadConfig, type Config } from './config'
import { openDatabase } from './db/client'
import { DataDirLockedError } from './db/data-dir-lock'
import { migrate } from './db/migrate'
import { relayLiveBus } from './modules/live/pg-relay'
import { actorNamed, exportToFile, importFromFile } from './modules/templates/bundle/cli'
import { rebuildStats } from './modules/stats/refresh'
import { DEMO_PASSWORD, isEmpty, seedDemo } from './seed/demo'
import { createLogger, databaseTarget, startServer, WORKER_CONCURRENCY } from './server'
import { startCaseWorker } from './worker/case-worker'

const USAGE = `用法 / usage: hall <command>
  start          migrate, seed the demo into an empty database, serve API and web apps
  migrate        apply pending database migrations
  seed --demo    seed the demo county center and university into an empty database
  worker         fire due timers and deadlines beside the servers (needs DATABASE_URL)
  simulate --bpmn <file> --scenario <file.json> [--org <file.json>]
                 run a process on a virtual clock and print its trace, one JSON object a line
  export --as <user> --items <code,code…> --out <file.zip>
                 write the latest versions of the user's unit's items as a bundle
  stats rebuild  recompute the statistics facts and daily rollup from history (after a restore or a rule change)
  import --as <user> --file <file.zip> [--map FROM=TO …] [--dept <code>] [--apply]
                 preview (or with --apply, import all or nothing) a bundle into the user's unit; prints the report

Environment: HALL_PORT (8787), HALL_HOST (127.0.0.1), HALL_DATA_DIR (./data), DATABASE_URL
(postgres://… instead of the embedded database), HALL_DEMO_SEED (true). See README.md.`

async function withDatabase<T>(config: Config, work: (database: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>) {
  const database = await openDatabase(databaseTarget(config))
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

const commands: Record<string, (config: Config, args: string[]) => Promise<void>> = {
  async simulate(_config, args) {
    process.exitCode = await runSimulateCli(args)
  },
  async start(config) {
    const server = await startServer(config)
    console.log(
      `\n一站式服务大厅 hall is ready\n  办事大厅 runtime : ${server.url}/\n  设计器 designer  : ${server.url}/designer/\n  API              : ${server.url}/api (OpenAPI: /api/openapi.json)\n` +
        `  database         : ${server.database.kind} (${server.database.location})\n` +
        `  demo accounts    : admin, county.hall, county.intake.1, univ.hall, stu.2023001 … (password ${DEMO_PASSWORD}; full list in README.md)\n`,
    )
    untilSignal(() => server.close())
  },
  async worker(config) {
    // PGlite is one process per data folder: extra workers only make sense on a shared server.
    if (!config.DATABASE_URL) throw new UsageError('worker needs DATABASE_URL: the embedded database already runs a worker inside hall start')
    const database = await openDatabase(databaseTarget(config))
    await migrate(database)
    const log = createLogger(config)
    // What its jobs change (超时默认同意, reminders, alerts, handovers) reaches the servers' open pages over NOTIFY.
    const relay = await relayLiveBus(database, { log, listen: false })
    const worker = startCaseWorker(database.db, { log, concurrency: WORKER_CONCURRENCY })
    console.log(`hall worker running against ${database.location}`)
    untilSignal(async () => {
      await worker.stop()
      await relay.stop()
      await database.close()
    })
  },
  async migrate(config) {
    await withDatabase(config, async (database) => {
      await migrate(database)
      console.log(`migrated (${database.kind}: ${database.location})`)
    })
  },
  async export(config, args) {
    const [as, codes, out] = [option(args, '--as'), option(args, '--items'), option(args, '--out')]
    if (!as || !codes || !out) throw new UsageError('export needs --as <user> --items <code,…> --out <file.zip>')
    await withDatabase(config, async (database) => {
      const exported = await exportToFile(database.db, await actorNamed(database.db, as), codes.split(','), out)
      console.log(`exported ${exported.join(', ')} to ${out}`)
    })
  },
  async import(config, args) {
    const [as, file, dept] = [option(args, '--as'), option(args, '--file'), option(args, '--dept')]
    if (!as || !file) throw new UsageError('import needs --as <user> --file <file.zip>')
    await withDatabase(config, async (database) => {
      const report = await importFromFile(database.db, await actorNamed(database.db, as), file, { apply: args.includes('--apply'), map: options(args, '--map'), ...(dept ? { dept } : {}) })
      console.log(JSON.stringify(report, null, 2))
      if (!report.ready) process.exitCode = 1
    })
  },
  async stats(config, args) {
    if (args[0] !== 'rebuild') throw new UsageError('stats needs a subcommand: hall stats rebuild')
    await withDatabase(config, async (database) => {
      await migrate(database)
      const started = performance.now()
      const counted = await rebuildStats(database.db)
      console.log(`statistics rebuilt from ${counted} cases in ${Math.round(performance.now() - started)} ms`)
    })
  },
  async seed(config, args) {
    if (!args.includes('--demo')) throw new UsageError('seed needs --demo (the only seed there is)')
    await withDatabase(config, async (database) => {
      await migrate(database)
      if (!(await isEmpty(database.db))) throw new UsageError('the database is not empty: the demo seeds only an empty database')
      const { units, users } = await seedDemo(database.db)
      console.log(`seeded ${units} demo units with ${users} users (password ${DEMO_PASSWORD})`)
    })
  },
}

class UsageError extends Error {}

/** The value after `name`, for `--name value` options. */
const option = (args: string[], name: string) => {
  const index = args.indexOf(name)
  return index >= 0 ? args[index + 1] : undefined
}
/** Every value of a repeatable option. */
const options = (args: string[], name: string) => args.flatMap((arg, index) => (arg === name && args[index + 1] ? [args[index + 1]!] : []))

/** Waits for SIGINT or SIGTERM, then runs `stop` once. */
function untilSignal(stop: () => Promise<void>): void {
  const handle = (signal: string) => {
    console.log(`${signal}: stopping`)
    void stop().then(() => process.exit(0))
  }
  process.once('SIGINT', () => handle('SIGINT'))
  process.once('SIGTERM', () => handle('SIGTERM'))
}

async function main(argv: string[]) {
  const [name, ...args] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    console.error(name && name !== '--help' ? `unknown command: ${name}\n\n${USAGE}` : USAGE)
    process.exit(name === '--help' ? 0 : 2)
  }
  await command(loadConfig(), args)
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof ConfigError || error instanceof DataDirLockedError || error instanceof UsageError
  console.error(known ? `hall: ${(error as Error).message}` : error)
  process.exit(1)
})
