import { createHash } from 'node:crypto'
import { readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs'
import { connect, createServer, type Server } from 'node:net'
import { join } from 'node:path'

/** Another live process holds the data folder. */
export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError'
  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      `The data folder ${dataDir} is in use by another hall process${holderPid ? ` (pid ${holderPid})` : ''}. ` +
        'Embedded PostgreSQL (PGlite) allows one process per folder: stop that process, choose another ' +
        'HALL_DATA_DIR, or set DATABASE_URL to share a PostgreSQL server between processes.',
    )
  }
}

export interface DataDirLock {
  release(): Promise<void>
}

const PID_FILE = 'hall.pid'
const SOCKET_FILE = 'hall.lock.sock'

/**
 * Locks a data folder for this process with a Unix socket only a live process can hold.
 * On Linux it is an abstract socket named after the folder's real path: the kernel owns the name,
 * binding fails while a live process holds it and the name is freed the moment that process
 * dies, even by SIGKILL. So the lock is never taken over from a live process and never left
 * stale, unlike pid files or mtime-based lock files. Elsewhere (macOS) it is a socket file in the
 * folder: one that nobody answers on is a dead holder's and is replaced.
 * The pid file beside it is only there to name the holder in the error message.
 */
export async function acquireDataDirLock(dataDir: string, kind: 'abstract' | 'file' = process.platform === 'linux' ? 'abstract' : 'file'): Promise<DataDirLock> {
  const real = realpathSync(dataDir)
  const name = kind === 'abstract' ? `\0hall-data-dir-${createHash('sha256').update(real).digest('hex').slice(0, 32)}` : join(real, SOCKET_FILE)
  const server = createServer()
  try {
    await listen(server, name)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error
    if (kind === 'abstract' || (await answers(name))) throw new DataDirLockedError(real, readPid(real))
    rmSync(name, { force: true })
    await listen(server, name).catch(() => {
      throw new DataDirLockedError(real, readPid(real))
    })
  }
  // The socket is only a lock: it must not keep the process alive or accept anything useful.
  server.unref()
  server.on('connection', (socket) => socket.destroy())
  const pidFile = join(real, PID_FILE)
  writeFileSync(pidFile, String(process.pid))
  return {
    release: async () => {
      rmSync(pidFile, { force: true })
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail)
    server.listen({ path, exclusive: true }, () => {
      server.off('error', fail)
      done()
    })
  })
}

/** Whether a live process listens on a socket file (a dead one's file refuses connections). */
function answers(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(path)
    socket.once('connect', () => {
      socket.destroy()
      done(true)
    })
    socket.once('error', () => done(false))
  })
}

function readPid(dir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(dir, PID_FILE), 'utf8'))
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}
