import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { useSessionStore } from '../stores/session'
import { createTestApp, jsonResponse, makeMe, stubFetch } from '../testing/test-app'
import { installAuthGuard } from './auth-guard'

function guardedApp() {
  const app = createTestApp()
  installAuthGuard(app.router)
  return app
}

const signedIn = (user = makeMe()) => jsonResponse(200, { user, csrfToken: 't1' })

describe('installAuthGuard', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => vi.unstubAllGlobals())

  it('sends a visitor to login when /api/auth/me answers 401, remembering the page', async () => {
    stubFetch({ 'GET /api/auth/me': jsonResponse(401, { error: { code: 'UNAUTHENTICATED' } }) })
    const { router } = guardedApp()
    await router.push('/profile')
    expect(router.currentRoute.value.name).toBe('login')
    expect(router.currentRoute.value.query.redirect).toBe('/profile')
  })

  it('lets a signed-in user through, asking the server only once', async () => {
    const fetch = stubFetch({ 'GET /api/auth/me': signedIn() })
    const { router } = guardedApp()
    await router.push('/profile')
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('home')
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('sends a signed-in user away from the login page to the remembered page', async () => {
    stubFetch({ 'GET /api/auth/me': signedIn() })
    const { router } = guardedApp()
    await router.push('/login?redirect=/profile')
    expect(router.currentRoute.value.fullPath).toBe('/profile')
  })

  it('never redirects off the app after login', async () => {
    stubFetch({ 'GET /api/auth/me': signedIn() })
    const { router } = guardedApp()
    await router.push('/login?redirect=//evil.example/x')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('shows the forbidden page to a user without any role of the app', async () => {
    stubFetch({ 'GET /api/auth/me': signedIn() })
    const { router } = guardedApp()
    useSessionStore().restrictToRoles(['platform_admin', 'unit_admin', 'hall_admin'])
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('forbidden')
  })

  it('keeps a user who may use the app off the forbidden page', async () => {
    const admin = makeMe({ roles: [{ role: 'hall_admin', unitId: 'unit1', deptId: null }] })
    stubFetch({ 'GET /api/auth/me': signedIn(admin) })
    const { router } = guardedApp()
    useSessionStore().restrictToRoles(['hall_admin'])
    await router.push('/forbidden')
    expect(router.currentRoute.value.name).toBe('home')
  })

  it('sends a user whose password must change to the profile page', async () => {
    stubFetch({ 'GET /api/auth/me': signedIn(makeMe({ mustChangePassword: true })) })
    const { router } = guardedApp()
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('profile')
  })

  it('goes back to login, then to the same page, when the session ends later', async () => {
    const fetch = stubFetch({ 'GET /api/auth/me': signedIn() })
    const { router } = guardedApp()
    await router.push('/profile')
    fetch.mockResolvedValue(
      jsonResponse(401, { error: { code: 'UNAUTHENTICATED', message: '请先登录' } }),
    )

    await expect(useSessionStore().changePassword('a', 'b')).rejects.toThrow('UNAUTHENTICATED')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(router.currentRoute.value.query.redirect).toBe('/profile')
    expect(useSessionStore().isAuthenticated).toBe(false)
  })

  it('shows the login page when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))),
    )
    const { router } = guardedApp()
    await router.push('/')
    expect(router.currentRoute.value.name).toBe('login')
  })
})
