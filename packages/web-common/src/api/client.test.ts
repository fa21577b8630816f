import { afterEach, describe, expect, it, vi } from 'vitest'
import { ApiError } from './api-error'
import { api, call, setCsrfToken } from './client'
import { jsonResponse, stubFetch } from '../testing/test-app'

function sentHeaders(fetch: ReturnType<typeof stubFetch>, call = 0): Headers {
  return new Headers(fetch.mock.calls[call]?.[1]?.headers)
}

describe('api client', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    setCsrfToken(undefined)
    document.cookie = 'hall_csrf=; max-age=0'
  })

  it('sends the CSRF token and same-origin cookies with every write', async () => {
    const fetch = stubFetch({ 'POST /api/auth/logout': jsonResponse(204) })
    setCsrfToken('tok-1')
    await call(api.auth.logout.$post())
    expect(sentHeaders(fetch).get('x-csrf-token')).toBe('tok-1')
    expect(fetch.mock.calls[0]?.[1]?.credentials).toBe('same-origin')
  })

  it('prefers the hall_csrf cookie, which follows a sign-in made in another tab', async () => {
    const fetch = stubFetch({ 'POST /api/auth/logout': jsonResponse(204) })
    setCsrfToken('older')
    document.cookie = 'hall_csrf=from-cookie'
    await call(api.auth.logout.$post())
    expect(sentHeaders(fetch).get('x-csrf-token')).toBe('from-cookie')
  })

  it('sends no token with reads, which change nothing', async () => {
    const fetch = stubFetch({ 'GET /api/auth/me': jsonResponse(200, { user: {}, csrfToken: 'x' }) })
    setCsrfToken('tok-1')
    await call(api.auth.me.$get())
    expect(sentHeaders(fetch).has('x-csrf-token')).toBe(false)
  })

  it('sends the login as JSON', async () => {
    const fetch = stubFetch({
      'POST /api/auth/login': jsonResponse(200, { user: {}, csrfToken: 'x' }),
    })
    await call(api.auth.login.$post({ json: { username: 'a', password: 'b' } }))
    expect(fetch.mock.calls[0]?.[1]?.body).toBe('{"username":"a","password":"b"}')
  })

  it('turns the error shape into an ApiError with code, message and fields', async () => {
    stubFetch({
      'POST /api/auth/password': jsonResponse(400, {
        error: {
          code: 'FORM_INVALID',
          message: '密码不符合要求',
          fields: { newPassword: '至少 10 位' },
        },
      }),
    })
    const error = await call(
      api.auth.password.$post({ json: { currentPassword: 'a', newPassword: 'b' } }),
    ).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 400,
      code: 'FORM_INVALID',
      serverMessage: '密码不符合要求',
      fields: { newPassword: '至少 10 位' },
    })
  })

  it('reports a page that is not our JSON (a proxy error) as UNEXPECTED_RESPONSE', async () => {
    stubFetch({ 'GET /api/auth/me': new Response('<html>Bad Gateway</html>', { status: 502 }) })
    await expect(call(api.auth.me.$get())).rejects.toMatchObject({
      status: 502,
      code: 'UNEXPECTED_RESPONSE',
    })
  })

  it('reports an unreachable server as NETWORK_ERROR', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    await expect(call(api.auth.me.$get())).rejects.toMatchObject({
      status: 0,
      code: 'NETWORK_ERROR',
    })
  })
})
