import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, departments } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'

interface Consultation { id: string; name: string; contact: string; deptName: string; referredDeptName: string | null; handlerName: string; referralCompleted: boolean }
interface ErrorBody { error: { code: string; fields?: Record<string, string> } }

describe.each(testDatabases)('first-ask register (首问登记) on $name', (kind) => {
  const h = useHarness(kind)
  let hr: string
  beforeAll(async () => {
    const [dept] = await h.database.db.select({ id: departments.id }).from(departments).where(eq(departments.code, 'W-HR'))
    hr = dept!.id
  })
  const ask = { name: '赵敏', contact: '13905641299', question: '退休人员如何办理养老金资格认证？' }

  it('registers a question at the clerk’s own window, referred to another, and lists it with the contact masked', async () => {
    const clerk = await h.as('county.intake.1')
    const created = await clerk.post('/api/consultations', { ...ask, referredDeptId: hr })
    expect(created.status).toBe(201)
    const record = await json<Consultation>(created)
    expect(record).toMatchObject({ name: '赵敏', contact: '13905641299', deptName: '综合受理窗口', referredDeptName: '人力资源社会保障窗口', handlerName: expect.any(String), referralCompleted: false })
    const { items } = await json<{ items: Consultation[] }>(await clerk.get('/api/consultations'))
    expect(items.find((entry) => entry.id === record.id)?.contact).toBe('139****1299')
    const trail = await h.database.db.select().from(auditLog).where(eq(auditLog.objectId, record.id))
    expect(trail.map((entry) => entry.action)).toEqual(['consultation.registered'])
  })

  it('lets the referred window see it and mark the referral completed; filters by that flag', async () => {
    const record = await json<Consultation>(await (await h.as('county.intake.1')).post('/api/consultations', { ...ask, referredDeptId: hr }))
    const referred = await h.as('county.hr.1')
    const done = await referred.patch(`/api/consultations/${record.id}`, { referralCompleted: true })
    expect(await json<Consultation>(done)).toMatchObject({ referralCompleted: true })
    const open = await json<{ items: Consultation[] }>(await referred.get('/api/consultations?referralCompleted=false'))
    expect(open.items.map((entry) => entry.id)).not.toContain(record.id)
    const completed = await json<{ items: Consultation[] }>(await (await h.as('county.hall')).get('/api/consultations?referralCompleted=true'))
    expect(completed.items.map((entry) => entry.id)).toContain(record.id)
  })

  it('refuses a contact that is neither a mobile nor a landline, naming the field', async () => {
    const response = await (await h.as('county.intake.1')).post('/api/consultations', { ...ask, contact: '12345678901' })
    expect(response.status).toBe(400)
    expect((await json<ErrorBody>(response)).error.fields).toHaveProperty('contact')
  })

  it('hides a consultation from windows it was neither asked at nor referred to (404), and from applicants (403 on the list and register)', async () => {
    const record = await json<Consultation>(await (await h.as('county.intake.1')).post('/api/consultations', ask))
    const other = await h.as('county.estate.1')
    expect((await other.get(`/api/consultations/${record.id}`)).status).toBe(404)
    expect((await other.patch(`/api/consultations/${record.id}`, { referralCompleted: true })).status).toBe(404)
    const citizen = await h.as('citizen.li')
    expect((await citizen.get('/api/consultations')).status).toBe(403)
    expect((await citizen.get(`/api/consultations/${record.id}`)).status).toBe(404)
    expect((await citizen.post('/api/consultations', ask)).status).toBe(403)
  })
})
