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

/**
 * `hall start` from the sources in a process of its own, on a free port, against `databaseUrl`
 * (already migrated and seeded: it seeds nothing). For what only shows between processes.
 */
export async function startServerProcess(databaseUrl: string): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-process-'))
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'start'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, HALL_PORT: '0', HALL_HOST: '127.0.0.1', HALL_DATA_DIR: dataDir, HALL_DEMO_SEED: 'false', HALL_LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  let output = ''
  child.stderr.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000)))
  const url = await new Promise<string>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4_000)
      // The server logs one JSON line when it listens: {"msg":"hall is ready","url":…}.
      const ready = output.split('\n').find((line) => line.includes('"hall is ready"'))
      if (ready) done((JSON.parse(ready) as { url: string }).url)
    })
    void exited.then(() => fail(new Error(`hall start exited before it was ready:\n${output}`)))
  })
  return {
    url,
    as: (username) => signIn((path, init) => fetch(url + path, init), username),
    async stop() {
      child.kill('SIGTERM')
      await exited
      await rm(dataDir, { recursive: true, force: true })
    },
  }
}
