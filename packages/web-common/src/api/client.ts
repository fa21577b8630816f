import { ApiError, CLIENT_ERROR_CODES, isApiErrorBody } from './api-error'
import type { Endpoints } from './types'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
type PathOf<M extends Method> = keyof Endpoints extends infer K
  ? K extends `${M} ${infer P}`
    ? P
    : never
  : never
type Endpoint<M extends Method, P extends string> = Endpoints[`${M} ${P}` & keyof Endpoints]
type BodyArgs<E> = E extends { body: undefined } ? [] : E extends { body: infer B } ? [body: B] : []

const CSRF_HEADER = 'x-csrf-token'
const CSRF_COOKIE = 'hall_csrf'
/** Login is the one write that cannot carry a token yet: the session does not exist. */
const CSRF_EXEMPT = new Set(['/api/auth/login'])

let csrfToken: string | undefined

/** Remember the token from a login or `/me` answer; the cookie is only a fallback after a reload. */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token
}

function readCsrfCookie(): string | undefined {
  if (typeof document === 'undefined') return undefined
  const pair = document.cookie.split('; ').find((c) => c.startsWith(`${CSRF_COOKIE}=`))
  return pair ? decodeURIComponent(pair.slice(CSRF_COOKIE.length + 1)) : undefined
}

/**
 * `fetch` with the session rules of the server: same-origin cookies, and the CSRF header on every
 * write except login. Also the `fetch` to hand to `hc<AppType>` (see `rpc.ts`).
 */
export const hallFetch: typeof fetch = (input, init = {}) => {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url
  const path = new URL(url, 'http://x').pathname
  if (method !== 'GET' && method !== 'HEAD' && !CSRF_EXEMPT.has(path)) {
    const token = csrfToken ?? readCsrfCookie()
    if (token) headers.set(CSRF_HEADER, token)
  }
  // Looked up at call time so tests can stub the global.
  return globalThis.fetch(input, { ...init, headers, credentials: 'same-origin' })
}

async function send(method: Method, path: string, body?: unknown): Promise<unknown> {
  let response: Response
  try {
    response = await hallFetch(path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, { code: CLIENT_ERROR_CODES.network })
  }
  const text = await response.text()
  let json: unknown
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  if (response.ok) return json
  if (isApiErrorBody(json)) throw new ApiError(response.status, json.error)
  // A proxy page or an empty 502: not our error shape, still a clear error for the user.
  throw new ApiError(response.status, { code: CLIENT_ERROR_CODES.unexpected })
}

/**
 * The hand-typed API client: paths and bodies are checked against `Endpoints`.
 *
 * @example
 * const { user } = await api.post('/api/auth/login', { username, password })
 */
export const api = {
  get: <P extends PathOf<'GET'>>(path: P) =>
    send('GET', path) as Promise<Endpoint<'GET', P>['response']>,
  post: <P extends PathOf<'POST'>>(path: P, ...body: BodyArgs<Endpoint<'POST', P>>) =>
    send('POST', path, body[0]) as Promise<Endpoint<'POST', P>['response']>,
}
