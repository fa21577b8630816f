import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { signIn, type UserClient } from './harness'

const CLI = join(import.meta.dirname, '../src/cli.ts')

export interface ServerProcess {
  url: string
  /** A demo user signed in on this server, over HTTP. */
  as(username: string): Promise<UserClient>
  stop(): Promise<void>
}

export interface WorkerProcess {
  stop(): Promise<void>
}

/**
 * `hall start` from the sources in a process of its own, on a free port, against `databaseUrl`
 * (already migrated and seeded: it seeds nothing). For what only shows between processes.
 */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  // The server logs one JSON line when it listens: {"msg":"hall is ready","url":…}.
  const { ready, stop } = await spawnHall('start', databaseUrl, (line) => (line.includes('"hall is ready"') ? (JSON.parse(line) as { url: string }).url : undefined))
  return { url: ready, as: (username) => signIn((path, init) => fetch(ready + path, init), username), stop }
}

/** `hall worker` from the sources in a process of its own against `databaseUrl`. */
export async function startWorkerProcess(databaseUrl: string): Promise<WorkerProcess> {
  const { stop } = await spawnHall('worker', databaseUrl, (line) => (line.startsWith('hall worker running') ? line : undefined))
  return { stop }
}

/** Runs `hall <command>` until `readyIn` finds the line that says it is up (its answer comes back as `ready`). */
async function spawnHall(command: string, databaseUrl: string, readyIn: (line: string) => string | undefined): Promise<{ ready: string; stop(): Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-process-'))
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, command], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DATA_DIR: dataDir, HALL_DEMO_SEED: 'false', HALL_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  // Kept for the failure message: a process that dies at start says why in its own output.
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)))
  let partLine = ''
  const ready = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000)
      const lines = (partLine + chunk.toString()).split('\n')
      partLine = lines.pop()!
      const found = lines.map(readyIn).find((answer) => answer !== undefined)
      if (found !== undefined) done(found)
    })
    void exited.then(() => fail(new Error(`hall ${command} exited before it was ready:\n${output}`)))
  })
  return {
    ready,
    async stop() {
      child.kill('SIGTERM')
      await exited
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
