import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type Harness, type UserClient } from '../../../test/harness'
import { leaveBpmn, leaveForm } from '../../../test/leave-item'
import { publishItem, type PublishedItem } from '../../../test/published-item'

const pdf = new Uint8Array(readFileSync(join(import.meta.dirname, '../files/fixtures/certificate.pdf')))
const form = { ...leaveForm, properties: { ...leaveForm.properties, proof: { type: 'array', title: '证明材料', 'x-component': 'Upload' } } } as typeof leaveForm
const data = { name: '李明', days: 2, reason: '回家探亲' }

async function uploadPdf(h: Harness, user: UserClient) {
  const body = new FormData()
  body.append('files', new File([pdf], '证明.pdf'))
  const response = await h.app.request('/api/files', { method: 'POST', headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken }, body })
  expect(response.status).toBe(201)
  return (await json<{ items: { id: string; name: string }[] }>(response)).items[0]!
}

async function submit(user: UserClient, itemId: string, values: Record<string, unknown>) {
  const { id } = await json<{ id: string }>(await user.post('/api/cases', { itemId }))
  return user.post(`/api/cases/${id}/submit`, { data: values })
}

// A material uploaded with an application becomes the case's: its handlers may read it.
describe.each(testDatabases)('materials attached at submit on $name', (kind) => {
  const h = useHarness(kind)
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, { unit: 'univ', dept: 'HALL', code: 'leave-with-proof', name: '学生请假（附证明）', form, bpmn: leaveBpmn })
  })

  it('ties the applicant\'s uploads to the case, so the approver may read them and nobody may delete them', async () => {
    const student = await h.as('stu.2023001')
    const file = await uploadPdf(h, student)
    const counsellor = await h.as('cs.counsellor')
    expect((await counsellor.get(`/api/files/${file.id}`)).status).toBe(404)

    const response = await submit(student, item.itemId, { ...data, proof: [file] })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await counsellor.get(`/api/files/${file.id}`)).status).toBe(200)
    expect((await student.delete(`/api/files/${file.id}`)).status).toBe(409)
  })

  it('refuses a submission naming someone else\'s file, naming the field, and submits nothing', async () => {
    const other = await uploadPdf(h, await h.as('stu.2023002'))
    const student = await h.as('stu.2023001')
    const response = await submit(student, item.itemId, { ...data, proof: [other] })
    expect(response.status).toBe(400)
    const { error } = await json<{ error: { code: string; fields: Record<string, string> } }>(response)
    expect(error).toMatchObject({ code: 'FORM_INVALID', fields: { proof: expect.any(String) } })
    const { items } = await json<{ items: { status: string }[] }>(await student.get('/api/cases'))
    expect(items.filter((c) => c.status === 'running')).toHaveLength(1)
  })
})
