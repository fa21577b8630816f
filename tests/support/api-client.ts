import { DEMO_PASSWORD } from './server'

/** A signed-in API session from the test process: the session cookie plus the CSRF token every write needs. */
export interface ApiSession {
  /** Any call; `path` starts with `/api`. Throws on a non-2xx answer, naming it; answers the JSON body. */
  call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>
  get<T = Record<string, unknown>>(path: string): Promise<T>
  post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T>
  /** A multipart POST (uploads). */
  upload<T = Record<string, unknown>>(path: string, form: FormData): Promise<T>
}

/** Signs a demo account in with `POST /api/auth/login`; every call throws on a non-2xx answer, naming it. */
export async function signIn(baseUrl: string, username: string, password = DEMO_PASSWORD): Promise<ApiSession> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
  if (!login.ok) throw new Error(`login ${username}: ${login.status} ${await login.text()}`)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ')
  const send = async <T>(method: string, path: string, init: { body?: BodyInit; headers?: Record<string, string> }): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, { method, body: init.body, headers: { cookie, 'x-csrf-token': csrfToken, ...init.headers } })
    const text = await response.text()
    if (!response.ok) throw new Error(`${username} ${method} ${path}: ${response.status} ${text}`)
    return (text ? JSON.parse(text) : undefined) as T
  }
  const call = <T>(method: string, path: string, body?: unknown) =>
    send<T>(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } })
  return {
    call,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    upload: (path, form) => send('POST', path, { body: form }),
  }
}
