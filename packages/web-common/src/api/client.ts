import { hc, type ClientResponse } from 'hono/client'
import type { SuccessStatusCode } from 'hono/utils/http-status'
import type { AppType } from '@hall/server'
import { ApiError, CLIENT_ERROR_CODES, isApiErrorBody } from './api-error'

const CSRF_HEADER = 'x-csrf-token'
const CSRF_COOKIE = 'hall_csrf'

let csrfToken: string | undefined
let onSessionLost: (() => void) | undefined

/**
 * Called when a call answers 401 `UNAUTHENTICATED`: the session expired or was ended elsewhere
 * (a password change ends the other sessions). The route guard uses it to go back to login.
 */
export function setSessionLostHandler(handler: (() => void) | undefined): void {
  onSessionLost = handler
}

/** Remember the token from a login or `/me` answer, for when the cookie cannot be read. */
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
 * write. The cookie wins over the remembered token: another tab (the designer beside the runtime)
 * may have signed in since, and the cookie always belongs to the current session. Login sends it
 * too, since the server checks the token whenever a session cookie comes along.
 */
const hallFetch: typeof fetch = (input, init = {}) => {
  const method = (init.method ?? 'GET').toUpperCase()
  const headers = new Headers(init.headers)
  if (method !== 'GET' && method !== 'HEAD') {
    const token = readCsrfCookie() ?? csrfToken
    if (token) headers.set(CSRF_HEADER, token)
  }
  // Looked up at call time so tests can stub the global.
  return globalThis.fetch(input, { ...init, headers, credentials: 'same-origin' })
}

/**
 * The typed client of the hall API, generated from the server's route types (`AppType`):
 * paths, bodies and answers are checked at compile time. Wrap calls in `call()`.
 *
 * @example
 * const { user } = await call(api.auth.login.$post({ json: { username, password } }))
 */
export const api = hc<AppType>('/api', { fetch: hallFetch })

/** The body of the success answers of a typed call (204 answers have none worth reading). */
export type OkBody<R> =
  R extends ClientResponse<infer T, infer S, infer _F>
    ? S extends SuccessStatusCode
      ? T
      : never
    : never

/**
 * Awaits a typed call and returns its success body, or throws an `ApiError` carrying the server's
 * `{ error: { code, message, fields } }`, so callers handle failures in one place.
 */
export async function call<R extends ClientResponse<unknown, number, string>>(
  request: Promise<R>,
): Promise<OkBody<R>> {
  let response: R
  try {
    response = await request
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
  if (response.ok) return json as OkBody<R>
  if (isApiErrorBody(json)) {
    if (response.status === 401 && json.error.code === 'UNAUTHENTICATED') onSessionLost?.()
    throw new ApiError(response.status, json.error)
  }
  // A proxy page or an empty 502: not our error shape, still a clear error for the user.
  throw new ApiError(response.status, { code: CLIENT_ERROR_CODES.unexpected })
}
