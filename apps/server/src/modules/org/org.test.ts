import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'

type Items<T> = { items: T[] }
interface Dept { id: string; code: string; name: string; parentId: string | null }
interface User { id: string; username: string; phone: string | null; idNumber: string | null }
interface Post { id: string; code: string; aUserId: string | null; bUserIds: string[] }
type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } }

async function dept(client: UserClient, code: string): Promise<Dept> {
  const { items } = await json<Items<Dept>>(await client.get('/api/org/departments'))
  return items.find((d) => d.code === code)!
}
async function user(client: UserClient, username: string): Promise<User> {
  const { items } = await json<Items<User>>(await client.get(`/api/org/users?q=${username}`))
  return items.find((u) => u.username === username)!
}

describe.each(testDatabases)('organisation API on $name', (kind) => {
  const h = useHarness(kind)

  it('lets a unit admin build the department tree and refuses moving a department under itself', async () => {
    const admin = await h.as('univ.admin')
    const cs = await dept(admin, 'CS')
    const created = await admin.post('/api/org/departments', { code: 'CS-AI', name: '人工智能教研室', kind: 'teaching', parentId: cs.id })
    expect(created.status).toBe(201)
    const ai = await json<Dept>(created)
    expect(ai.parentId).toBe(cs.id)

    const loop = await admin.patch(`/api/org/departments/${cs.id}`, { parentId: ai.id })
    expect(loop.status).toBe(400)
    expect((await json<ErrorBody>(loop)).error.fields).toHaveProperty('parentId')

    const duplicate = await admin.post('/api/org/departments', { code: 'CS-AI', name: '重复' })
    expect(duplicate.status).toBe(409)
    expect((await admin.delete(`/api/org/departments/${cs.id}`)).status).toBe(409)
    expect((await admin.delete(`/api/org/departments/${ai.id}`)).status).toBe(204)
  })

  it("answers 404 for another unit's objects, so their existence does not leak", async () => {
    const countyAdmin = await h.as('county.admin')
    const univAdmin = await h.as('univ.admin')
    const cs = await dept(univAdmin, 'CS')
    const stu = await user(univAdmin, 'stu.2023001')
    expect((await countyAdmin.patch(`/api/org/departments/${cs.id}`, { name: '改名' })).status).toBe(404)
    expect((await countyAdmin.delete(`/api/org/departments/${cs.id}`)).status).toBe(404)
    expect((await countyAdmin.get(`/api/org/users/${stu.id}`)).status).toBe(404)
    expect((await countyAdmin.post(`/api/org/users/${stu.id}/reset-password`)).status).toBe(404)
    expect((await countyAdmin.get(`/api/org/departments?unitId=${cs.id}`)).status).toBe(404)
    // …and nothing changed.
    expect((await dept(univAdmin, 'CS')).name).toBe('计算机学院')
  })

  it('refuses organisation changes by people who are not admins, and reads by applicants', async () => {
    const teacher = await h.as('cs.t1')
    const student = await h.as('stu.2023002')
    expect((await teacher.post('/api/org/departments', { code: 'X', name: 'X' })).status).toBe(403)
    expect((await student.get('/api/org/users')).status).toBe(403)
  })

  it('masks ID numbers and phones for staff who read the directory, not for the unit admin', async () => {
    const staff = await h.as('county.intake.1')
    const admin = await h.as('county.admin')
    const masked = await user(staff, 'citizen.zhang')
    expect(masked.idNumber).toBe('341524********0113')
    expect(masked.phone).toBe('138****1201')
    expect((await user(admin, 'citizen.zhang')).idNumber).toBe('341524198503120113')
  })

  it('creates users with national-format checks, naming the bad field', async () => {
    const admin = await h.as('county.admin')
    const office = await dept(admin, 'OFF')
    const bad = await admin.post('/api/org/users', { username: 'new.one', displayName: '新人', idNumber: '341524198503120114', phone: '12345', deptIds: [office.id] })
    expect(bad.status).toBe(400)
    const fields = (await json<ErrorBody>(bad)).error.fields!
    expect(Object.keys(fields).sort()).toEqual(['idNumber', 'phone'])
    expect((await user(admin, 'new.one'))).toBeUndefined()

    const good = await admin.post('/api/org/users', { username: 'new.one', displayName: '新人', idNumber: '341524198503120113', phone: '13805640000', deptIds: [office.id], password: 'Welcome2026' })
    expect(good.status).toBe(201)
    const login = await h.anonymous.post('/api/auth/login', { username: 'new.one', password: 'Welcome2026' })
    expect((await json<{ user: { mustChangePassword: boolean } }>(login)).user.mustChangePassword).toBe(true)
  })

  it('hands a post to the first present B holder while A is away (AB岗)', async () => {
    const admin = await h.as('county.admin')
    const { items } = await json<Items<Post>>(await admin.get('/api/org/posts'))
    const market = items.find((p) => p.code === 'P-MARKET')!
    // The demo has the market window's A holder on leave 23–27 November 2026.
    const during = await json<{ userId: string; role: string }>(await admin.get(`/api/org/posts/${market.id}/holder?at=2026-11-24T10:00:00%2B08:00`))
    expect(during).toMatchObject({ userId: market.bUserIds[0], role: 'B' })
    const after = await json<{ userId: string; role: string }>(await admin.get(`/api/org/posts/${market.id}/holder?at=2026-11-30T10:00:00%2B08:00`))
    expect(after).toMatchObject({ userId: market.aUserId, role: 'A' })
  })

  it('refuses an absence that would leave a post with nobody present', async () => {
    const admin = await h.as('county.admin')
    const b = await user(admin, 'county.market.2')
    // A (county.market.1) is away 23–27 November; B may not leave in that time…
    const clash = await admin.post('/api/org/absences', { userId: b.id, kind: 'leave', startsAt: '2026-11-26T08:30:00+08:00', endsAt: '2026-11-26T18:00:00+08:00', reason: '事假' })
    expect(clash.status).toBe(409)
    expect((await json<ErrorBody>(clash)).error.message).toContain('市场监管受理岗')
    // …but may the week after.
    const fine = await admin.post('/api/org/absences', { userId: b.id, kind: 'leave', startsAt: '2026-11-30T08:30:00+08:00', endsAt: '2026-11-30T18:00:00+08:00', reason: '事假' })
    expect(fine.status).toBe(201)
    const backwards = await admin.post('/api/org/absences', { userId: b.id, kind: 'leave', startsAt: '2026-12-02T08:30:00+08:00', endsAt: '2026-12-01T18:00:00+08:00', reason: null })
    expect((await json<ErrorBody>(backwards)).error.fields).toHaveProperty('endsAt')
  })

  it('delegates roles level by level: a department admin grants only inside their subtree', async () => {
    const admin = await h.as('univ.admin')
    const cs = await dept(admin, 'CS')
    const fl = await dept(admin, 'FL')
    const dean = await user(admin, 'cs.dean')
    const t2 = await user(admin, 'cs.t2')
    const flT1 = await user(admin, 'fl.t1')
    const granted = await admin.post('/api/org/role-grants', { userId: dean.id, role: 'unit_admin', deptId: cs.id })
    expect(granted.status).toBe(201)

    const deanClient = await h.as('cs.dean')
    expect((await deanClient.post('/api/org/role-grants', { userId: t2.id, role: 'window_staff', deptId: cs.id })).status).toBe(201)
    expect((await deanClient.post('/api/org/role-grants', { userId: flT1.id, role: 'window_staff', deptId: fl.id })).status).toBe(403)
    expect((await deanClient.post('/api/org/role-grants', { userId: t2.id, role: 'hall_admin', deptId: null })).status).toBe(403)
    // Without a delegable grant the dean cannot make further admins.
    expect((await deanClient.post('/api/org/role-grants', { userId: t2.id, role: 'unit_admin', deptId: cs.id })).status).toBe(403)
    expect((await deanClient.post('/api/org/role-grants', { userId: t2.id, role: 'platform_admin', deptId: null })).status).toBe(403)
  })

  it('lets only a platform admin create a unit, whose admin then sees only it', async () => {
    const platform = await h.as('admin')
    const countyAdmin = await h.as('county.admin')
    expect((await countyAdmin.post('/api/org/units', { code: 'town1', name: '示范镇便民服务中心', kind: 'town' })).status).toBe(403)
    const created = await platform.post('/api/org/units', { code: 'town1', name: '示范镇便民服务中心', kind: 'town' })
    expect(created.status).toBe(201)
    expect((await platform.post('/api/org/units', { code: 'town1', name: '重复', kind: 'town' })).status).toBe(409)
    const seen = await json<Items<{ code: string }>>(await countyAdmin.get('/api/org/units'))
    expect(seen.items.map((u) => u.code)).toEqual(['county'])
    const all = await json<Items<{ code: string }>>(await platform.get('/api/org/units'))
    expect(all.items.map((u) => u.code).sort()).toEqual(['county', 'town1', 'univ'])
  })
})
