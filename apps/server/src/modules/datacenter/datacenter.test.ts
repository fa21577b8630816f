import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness } from '../../../test/harness'

/** The student leave form's applicant block, as the designer writes it. */
const leaveForm = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名', 'x-component': 'Input', 'x-prefill': 'dc:person.name' },
    number: { type: 'string', title: '学号', 'x-component': 'Input', 'x-prefill': 'dc:person.personNo' },
    college: { type: 'string', title: '学院', 'x-component': 'Input', 'x-prefill': 'dc:person.college' },
    class: { type: 'string', title: '班级', 'x-component': 'Input', 'x-prefill': 'dc:person.class' },
    counsellor: { type: 'string', title: '辅导员', 'x-component': 'Input', 'x-prefill': 'dc:person.counsellor' },
    reason: { type: 'string', title: '请假事由', 'x-component': 'Input.TextArea' },
  },
}

interface Prefill { values: Record<string, unknown>; failures: { field: string; reason: string }[] }

describe.each(testDatabases)('data center pre-fill on $name', (kind) => {
  const h = useHarness(kind)

  it("fills the student leave form with the student's own name, number, college, class and counsellor", async () => {
    const student = await h.as('stu.2023001')
    const response = await student.post('/api/datacenter/prefill', { schema: leaveForm })
    expect(response.status).toBe(200)
    const { values, failures } = await json<Prefill>(response)
    expect(values).toEqual({ name: '李明', number: '2023001', college: '计算机学院', class: '计算机科学与技术2301班', counsellor: '彭雪' })
    expect(failures).toEqual([])
  })

  it('reports every field it could not fill instead of leaving a silent blank', async () => {
    const citizen = await h.as('citizen.li')
    const { values, failures } = await json<Prefill>(await citizen.post('/api/datacenter/prefill', { schema: leaveForm }))
    expect(values).toEqual({ name: '李娜', number: 'citizen.li' })
    expect(failures.map((f) => `${f.field}:${f.reason}`).sort()).toEqual(['class:NOT_FOUND', 'college:NOT_FOUND', 'counsellor:NOT_FOUND'])
  })

  it('logs each pre-fill in the audit trail', async () => {
    const student = await h.as('stu.2023002')
    await student.post('/api/datacenter/prefill', { schema: leaveForm })
    const admin = await h.as('univ.admin')
    const { items } = await json<{ items: { action: string; detail: { fields: string[] } }[] }>(await admin.get('/api/audit?action=datacenter.prefilled'))
    expect(items[0]?.detail.fields).toContain('counsellor')
  })

  it('rejects a malformed form definition with the reason', async () => {
    const student = await h.as('stu.2023001')
    const response = await student.post('/api/datacenter/prefill', { schema: { type: 'object', properties: { a: { type: 42 } } } })
    expect(response.status).toBe(400)
    expect((await json<{ error: { code: string } }>(response)).error.code).toBe('FORM_INVALID')
  })

  it('lists the catalog with the caller’s own values as samples, never sensitive ones', async () => {
    const student = await h.as('stu.2023003')
    const { items } = await json<{ items: { path: string; sample: unknown }[] }>(await student.get('/api/datacenter/catalog'))
    expect(items.find((i) => i.path === 'dc:person.name')?.sample).toBe('张杰')
    expect(items.find((i) => i.path === 'dc:person.idNumber')?.sample).toBeNull()
  })

  it("serves the unit's code tables for select options", async () => {
    const teacher = await h.as('cs.t1')
    const { items } = await json<{ items: { value: string; label: string }[] }>(await teacher.get('/api/datacenter/codes/leave_type'))
    expect(items.slice(0, 2)).toEqual([{ value: 'personal', label: '事假', parent: null }, { value: 'sick', label: '病假', parent: null }])
  })
})
