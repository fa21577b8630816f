import pino from 'pino'
import { afterAll, beforeAll } from 'vitest'
import { createApp } from '../src/app'
import { loadConfig, type Config } from '../src/config'
import type { Database } from '../src/db/client'
import { DEMO_PASSWORD, seedDemo } from '../src/seed/demo'
import type { TestDatabaseKind } from './databases'

/** A clock the tests move by hand: lockouts and session expiry without real waiting. */
export class TestClock {
  constructor(private current = new Date('2026-11-23T09:00:00+08:00')) {}
  now = () => new Date(this.current)
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms)
  }
}

export interface Harness {
  database: Database
  clock: TestClock
  config: Config
  app: ReturnType<typeof createApp>
  /** A signed-in demo user. */
  as(username: string): Promise<UserClient>
  /** No session at all. */
  anonymous: UserClient
}

export interface UserClient {
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>
  get(path: string): Promise<Response>
  post(path: string, body?: unknown): Promise<Response>
  patch(path: string, body?: unknown): Promise<Response>
  delete(path: string): Promise<Response>
  cookie: string
  csrfToken: string
}

/**
 * Boots the real app on a fresh database seeded with the demo units, once per suite. Requests
 * go through `app.request`: the full middleware chain without a socket.
 */
export function useHarness(kind: TestDatabaseKind, env: Record<string, string> = {}): Harness {
  const harness = { clock: new TestClock() } as Harness
  beforeAll(async () => {
    harness.database = await kind.open()
    await seedDemo(harness.database.db)
    harness.config = loadConfig({ HALL_LOG_LEVEL: 'silent', ...env })
    harness.app = createApp({ database: harness.database, config: harness.config, log: pino({ level: 'silent' }), now: harness.clock.now })
    const send: Send = (path, init) => Promise.resolve(harness.app.request(path, init))
    harness.anonymous = client(send, '', '')
    harness.as = (username) => signIn(send, username)
  }, 60_000)
  afterAll(async () => {
    await harness.database?.close()
  })
  return harness
}

export function sessionCookie(response: Response): string {
  return response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0]!)
    .join('; ')
}

/** Sends one request to the app under test: in-process (`app.request`) or over HTTP to a server process. */
export type Send = (path: string, init: RequestInit) => Promise<Response>

/** Signs a demo user in through `send` and answers their client. */
export async function signIn(send: Send, username: string): Promise<UserClient> {
  const response = await send('/api/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  })
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`)
  const { csrfToken } = (await response.json()) as { csrfToken: string }
  return client(send, sessionCookie(response), csrfToken)
}

function client(send: Send, cookie: string, csrfToken: string): UserClient {
  const request = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    send(path, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(csrfToken ? { 'x-csrf-token': csrfToken } : {}),
        ...(body !== undefined && typeof body !== 'string' ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    })
  return {
    cookie,
    csrfToken,
    request,
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body),
    patch: (path, body) => request('PATCH', path, body),
    delete: (path) => request('DELETE', path),
  }
}

/** Reads a JSON body with a type the test states. */
export const json = <T = Record<string, unknown>>(response: Response) => response.json() as Promise<T>
