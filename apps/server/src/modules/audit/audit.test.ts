import { eq, sql } from 'drizzle-orm'
import { auditLog } from '../../db/schema'
import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'

interface Entry { action: string; actorId: string | null; objectType: string; objectId: string | null; detail: Record<string, unknown> | null }

describe.each(testDatabases)('audit trail on $name', (kind) => {
  const h = useHarness(kind)

  it('records who changed what, and failed sign-ins, for the unit admin to read', async () => {
    const admin = await h.as('county.admin')
    const created = await json<{ id: string }>(await admin.post('/api/org/departments', { code: 'AUDIT-1', name: '审计测试科' }))
    await h.anonymous.post('/api/auth/login', { username: 'county.office', password: 'wrong-pass1' })

    const { items } = await json<{ items: Entry[] }>(await admin.get('/api/audit?limit=50'))
    const createdEntry = items.find((e) => e.action === 'department.created' && e.objectId === created.id)
    expect(createdEntry?.detail).toMatchObject({ code: 'AUDIT-1' })
    const me = await json<{ user: { id: string } }>(await admin.get('/api/auth/me'))
    expect(createdEntry?.actorId).toBe(me.user.id)
    expect(items.some((e) => e.action === 'auth.login_failed')).toBe(true)
  })

  it('writes nothing, not even an audit record, for a write that fails', async () => {
    const admin = await h.as('county.admin')
    const before = (await json<{ items: Entry[] }>(await admin.get('/api/audit?action=department.created'))).items.length
    expect((await admin.post('/api/org/departments', { code: 'AUDIT-1', name: '重复编码' })).status).toBe(409)
    expect((await json<{ items: Entry[] }>(await admin.get('/api/audit?action=department.created'))).items).toHaveLength(before)
  })

  it('refuses UPDATE, DELETE and TRUNCATE of audit records in the database itself', async () => {
    const { db } = h.database
    await expect(db.execute(sql`update audit_log set action = 'forged'`)).rejects.toThrow()
    await expect(db.execute(sql`delete from audit_log`)).rejects.toThrow()
    await expect(db.execute(sql`truncate audit_log`)).rejects.toThrow()
    expect(await db.$count(auditLog, eq(auditLog.action, 'forged'))).toBe(0)
  })

  it('shows the trail only to admins of that unit', async () => {
    const staff = await h.as('county.intake.1')
    expect((await staff.get('/api/audit')).status).toBe(403)
    const univAdmin = await h.as('univ.admin')
    const county = await json<{ user: { unit: { id: string } } }>(await staff.get('/api/auth/me'))
    expect((await univAdmin.get(`/api/audit?unitId=${county.user.unit.id}`)).status).toBe(404)
  })
})
