import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, sessionCookie, useHarness } from '../../../test/harness'

describe.each(testDatabases)('sign-in and sessions on $name', (kind) => {
  const h = useHarness(kind)
  const login = (username: string, password: string) =>
    h.anonymous.post('/api/auth/login', { username, password })

  it('signs a demo user in with an httpOnly SameSite session cookie and says who they are', async () => {
    const response = await login('stu.2023001', 'Hall@2026')
    expect(response.status).toBe(200)
    const cookies = response.headers.getSetCookie()
    expect(cookies.find((c) => c.startsWith('hall_session='))).toMatch(/HttpOnly.*SameSite=Lax|SameSite=Lax.*HttpOnly/)
    expect(cookies.find((c) => c.startsWith('hall_csrf='))).not.toMatch(/HttpOnly/)
    const body = await json<{ user: { displayName: string; unit: { name: string }; roles: { role: string }[] } }>(response)
    expect(body.user.displayName).toBe('李明')
    expect(body.user.unit.name).toBe('示范大学')
    expect(body.user.roles.map((r) => r.role)).toEqual(['applicant'])

    const me = await h.anonymous.request('GET', '/api/auth/me', undefined, { cookie: sessionCookie(response) })
    expect(me.status).toBe(200)
  })

  it('gives the same answer for an unknown user and a wrong password', async () => {
    const unknown = await login('nobody.here', 'Hall@2026')
    const wrong = await login('cs.t1', 'wrong-password1')
    expect(unknown.status).toBe(401)
    expect(wrong.status).toBe(401)
    expect(await unknown.json()).toEqual(await wrong.json())
  })

  it('locks a name after five failures, existing or not, and opens it again after the lock period', async () => {
    for (const name of ['cs.t2', 'ghost.user']) {
      for (let i = 0; i < 4; i++) expect((await login(name, 'bad-password1')).status).toBe(401)
      const fifth = await login(name, 'bad-password1')
      expect(fifth.status).toBe(423)
      expect((await json<{ error: { code: string } }>(fifth)).error.code).toBe('ACCOUNT_LOCKED')
    }
    // Even the right password is refused while locked.
    expect((await login('cs.t2', 'Hall@2026')).status).toBe(423)
    h.clock.advance(16 * 60_000)
    expect((await login('cs.t2', 'Hall@2026')).status).toBe(200)
  })

  it('answers 401 without a session and after logout', async () => {
    expect((await h.anonymous.get('/api/auth/me')).status).toBe(401)
    const user = await h.as('fl.t1')
    expect((await user.get('/api/auth/me')).status).toBe(200)
    expect((await user.post('/api/auth/logout')).status).toBe(204)
    const after = await user.get('/api/auth/me')
    expect(after.status).toBe(401)
    expect((await json<{ error: { code: string } }>(after)).error.code).toBe('UNAUTHENTICATED')
  })

  it('refuses a signed-in write without the CSRF token, or from a foreign origin', async () => {
    const user = await h.as('fl.dean')
    const noToken = await user.request('POST', '/api/auth/logout', undefined, { 'x-csrf-token': '' })
    expect(noToken.status).toBe(403)
    expect((await json<{ error: { code: string } }>(noToken)).error.code).toBe('CSRF_FAILED')
    const foreign = await user.request('POST', '/api/auth/logout', undefined, { origin: 'https://evil.example', host: 'localhost' })
    expect(foreign.status).toBe(403)
    // The session survived both attempts.
    expect((await user.get('/api/auth/me')).status).toBe(200)
  })

  it('changes a password by the rules and ends the other sessions', async () => {
    const first = await h.as('cs.dean')
    const second = await h.as('cs.dean')
    const weak = await first.post('/api/auth/password', { currentPassword: 'Hall@2026', newPassword: 'short' })
    expect(weak.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(weak)).error.fields).toHaveProperty('newPassword')
    const wrongCurrent = await first.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'NewPass2026' })
    expect((await json<{ error: { fields: Record<string, string> } }>(wrongCurrent)).error.fields).toHaveProperty('currentPassword')

    expect((await first.post('/api/auth/password', { currentPassword: 'Hall@2026', newPassword: 'NewPass2026' })).status).toBe(204)
    expect((await first.get('/api/auth/me')).status).toBe(200)
    expect((await second.get('/api/auth/me')).status).toBe(401)
    expect((await login('cs.dean', 'Hall@2026')).status).toBe(401)
    expect((await login('cs.dean', 'NewPass2026')).status).toBe(200)
  })

  it('names missing, extra and ill-typed fields, and rejects malformed JSON', async () => {
    const missing = await h.anonymous.post('/api/auth/login', { username: 'a' })
    expect(missing.status).toBe(400)
    expect((await json<{ error: { fields: Record<string, string> } }>(missing)).error.fields).toHaveProperty('password')
    const extra = await h.anonymous.post('/api/auth/login', { username: 'a', password: 'b', admin: true })
    expect((await json<{ error: { fields: Record<string, string> } }>(extra)).error.fields).toEqual({ admin: '不允许的字段' })
    const typed = await h.anonymous.post('/api/auth/login', { username: 42, password: 'b' })
    expect((await json<{ error: { fields: Record<string, string> } }>(typed)).error.fields).toHaveProperty('username')
    const malformed = await h.anonymous.request('POST', '/api/auth/login', '{"username":', { 'content-type': 'application/json' })
    expect(malformed.status).toBe(400)
    expect((await json<{ error: { code: string } }>(malformed)).error.code).toBe('MALFORMED_JSON')
  })

  it('answers an oversized body with 413 in the error shape', async () => {
    const big = await h.anonymous.post('/api/auth/login', { username: 'a', password: 'x'.repeat(2 * 1024 * 1024) })
    expect(big.status).toBe(413)
    expect((await json<{ error: { code: string } }>(big)).error.code).toBe('PAYLOAD_TOO_LARGE')
  })
})
