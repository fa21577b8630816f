/** A signed-in API session from the test process: the session cookie plus the CSRF token every write needs. */
export interface ApiSession {
  get<T>(path: string): Promise<T>
  post<T>(path: string, body: unknown): Promise<T>
}

const DEMO_PASSWORD = 'Hall@2026'

/** Signs a demo account in with `POST /api/auth/login`; every call throws on a non-2xx answer, naming it. */
export async function signIn(
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
): Promise<ApiSession> {
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
  const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok)
      throw new Error(`${username} ${method} ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  return { get: (path) => request('GET', path), post: (path, body) => request('POST', path, body) }
}
