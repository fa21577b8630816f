import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url))
/** The server as `pnpm build` leaves it: the e2e tests run what users run, not the sources. */
export const SERVER_CLI = join(REPO_ROOT, 'apps/server/dist/cli.mjs')
/** The password of every account the demo seed creates (README "Demo accounts"). */
export const DEMO_PASSWORD = 'Hall@2026'

const READY_TIMEOUT_MS = 90_000
const STOP_TIMEOUT_MS = 10_000

export interface RunningServer {
  /** `http://127.0.0.1:<port>`, without a trailing slash. */
  url: string
  stop(): Promise<void>
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      )
    })
  })
}

function exited(child: ChildProcess): Promise<void> {
  return child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()))
}

/**
 * Starts the built server on a free port with an empty data folder (so it seeds the demo),
 * and resolves once `GET /api/ready` answers 200.
 */
export async function startServer(): Promise<RunningServer> {
  if (!existsSync(SERVER_CLI))
    throw new Error(
      `Expected the built server at ${SERVER_CLI}, but it is missing. Hint: run pnpm build.`,
    )
  const port = await freePort()
  const dataDir = await mkdtemp(join(tmpdir(), 'hall-e2e-data-'))
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [SERVER_CLI, 'start'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      HALL_PORT: String(port),
      HALL_HOST: '127.0.0.1',
      HALL_DATA_DIR: dataDir,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  // Kept for the failure message: a server that dies at start says why in its own output.
  let output = ''
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000)
  }
  child.stdout?.on('data', collect)
  child.stderr?.on('data', collect)

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM')
      const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS)
      await exited(child)
      clearTimeout(timer)
    }
    await rm(dataDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + READY_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await stop()
      throw new Error(
        `Expected the server to start, but it exited with code ${child.exitCode}:\n${output}`,
      )
    }
    const ready = await fetch(`${url}/api/ready`).then(
      (r) => r.status === 200,
      () => false,
    )
    if (ready) return { url, stop }
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  await stop()
  throw new Error(
    `Expected ${url}/api/ready to answer 200 within ${READY_TIMEOUT_MS} ms, but it did not:\n${output}`,
  )
}
