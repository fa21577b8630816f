import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { jsonResponse, makeMe, stubFetch } from '../testing/test-app'
import { useSessionStore } from './session'

const hallAndWindow = makeMe({
  roles: [
    { role: 'window_staff', unitId: 'unit1', deptId: 'd1' },
    { role: 'hall_admin', unitId: 'unit1', deptId: null },
    { role: 'unit_admin', unitId: 'unit1', deptId: null },
  ],
})

async function signedInStore() {
  stubFetch({ 'GET /api/auth/me': jsonResponse(200, { user: hallAndWindow, csrfToken: 't' }) })
  setActivePinia(createPinia())
  const session = useSessionStore()
  await session.fetchMe()
  return session
}

describe('useSessionStore', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => vi.unstubAllGlobals())

  it('offers only the roles the app serves, the first one by default', async () => {
    const session = await signedInStore()
    session.restrictToRoles(['platform_admin', 'unit_admin', 'hall_admin'])
    expect(session.availableRoles.map((g) => g.role)).toEqual(['hall_admin', 'unit_admin'])
    expect(session.currentRole?.role).toBe('hall_admin')
    expect(session.isForbidden).toBe(false)
  })

  it('remembers the chosen role across reloads', async () => {
    const first = await signedInStore()
    const unitAdmin = first.availableRoles.find((g) => g.role === 'unit_admin')
    if (unitAdmin) first.selectRole(unitAdmin)

    const reloaded = await signedInStore()
    expect(reloaded.currentRole?.role).toBe('unit_admin')
  })

  it('falls back to an offered role when the remembered one is not served here', async () => {
    const first = await signedInStore()
    const window = first.availableRoles.find((g) => g.role === 'window_staff')
    if (window) first.selectRole(window)

    const designer = await signedInStore()
    designer.restrictToRoles(['hall_admin'])
    expect(designer.currentRole?.role).toBe('hall_admin')
  })

  it('forgets the user when the server says nobody is signed in', async () => {
    stubFetch({ 'GET /api/auth/me': jsonResponse(401, { error: { code: 'UNAUTHENTICATED' } }) })
    setActivePinia(createPinia())
    const session = useSessionStore()
    expect(await session.fetchMe()).toBeNull()
    expect(session.status).toBe('anonymous')
  })
})
