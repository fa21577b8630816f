import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { FormSchema } from '@hall/form-schema'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { cases, fileContents, files } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type Harness, type UserClient } from '../../../test/harness'
import { leaveBpmn, leaveForm } from '../../../test/leave-item'
import { publishItem, type PublishedItem } from '../../../test/published-item'

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, '../files/fixtures', name)))
const pdf = fixture('certificate.pdf')
const docx = fixture('leave-note.docx')
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00])

/** The leave form with the student's proof (PDF or image, ≤ 1 MB, ≤ 2 files), a sub-table with a scan column, and the counsellor's own upload. */
const form = {
  ...leaveForm,
  properties: {
    ...leaveForm.properties,
    proof: { type: 'array', title: '证明材料', 'x-component': 'Upload', 'x-material': 'proof', 'x-component-props': { accept: '.pdf,image/*', maxSizeMB: 1, limit: 2 } },
    trips: { type: 'array', title: '行程', 'x-component': 'ArrayTable', items: { type: 'object', properties: { ticket: { type: 'array', title: '车票', 'x-component': 'Upload', 'x-component-props': { accept: '.pdf' } } } } },
    counsellorScan: { type: 'array', title: '谈话记录', 'x-component': 'Upload', 'x-component-props': { accept: '.pdf' } },
  },
} as FormSchema
const bpmn = leaveBpmn.replace(
  '<hall:fieldPermission path="counsellorOpinion" mode="editable" />',
  '<hall:fieldPermission path="counsellorOpinion" mode="editable" /><hall:fieldPermission path="counsellorScan" mode="editable" />',
)
const data = { name: '李明', days: 2, reason: '回家探亲' }

interface Stored { id: string; name: string; field: string | null }
interface Failure { error: { code: string; fields: Record<string, string> } }

async function upload(h: Harness, user: UserClient, name: string, bytes: Uint8Array, target: Record<string, string> = {}): Promise<Stored> {
  const body = new FormData()
  body.append('files', new File([bytes], name))
  for (const [key, value] of Object.entries(target)) body.append(key, value)
  const response = await h.app.request('/api/files', { method: 'POST', headers: { cookie: user.cookie, 'x-csrf-token': user.csrfToken }, body })
  expect(response.status, await response.clone().text()).toBe(201)
  return (await json<{ items: Stored[] }>(response)).items[0]!
}

// Whatever the upload request said, the submission is checked again against the published form.
describe.each(testDatabases)('materials attached at submit on $name', (kind) => {
  const h = useHarness(kind, { HALL_UPLOAD_MAX_MB: '2' })
  let item: PublishedItem
  beforeAll(async () => {
    item = await publishItem(h.database, { unit: 'univ', dept: 'HALL', code: 'leave-with-proof', name: '学生请假（附证明）', form, bpmn })
  })
  const draftOf = async (user: UserClient) => (await json<{ id: string }>(await user.post('/api/cases', { itemId: item.itemId }))).id
  const submit = (user: UserClient, caseId: string, values: Record<string, unknown>) => user.post(`/api/cases/${caseId}/submit`, { data: { ...data, ...values } })
  /** The refusal's field messages, after checking the draft stayed a draft with its files unattached. */
  async function refusal(response: Response, caseId: string, fileIds: string[]): Promise<Record<string, string>> {
    expect(response.status).toBe(400)
    const { error } = await json<Failure>(response)
    expect(error.code).toBe('FORM_INVALID')
    const [row] = await h.database.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId))
    expect(row?.status).toBe('draft')
    for (const id of fileIds) expect((await h.database.db.select({ caseId: files.caseId }).from(files).where(eq(files.id, id)))[0]?.caseId).toBeNull()
    return error.fields
  }

  it("ties the applicant's uploads for the field to the case, so the approver may read them and nobody may delete them", async () => {
    const student = await h.as('stu.2023001')
    const caseId = await draftOf(student)
    const file = await upload(h, student, '证明.pdf', pdf, { caseId, field: 'proof' })
    const ticket = await upload(h, student, '车票.pdf', pdf, { caseId, field: 'trips.ticket' })
    const counsellor = await h.as('cs.counsellor')
    expect((await counsellor.get(`/api/files/${file.id}`)).status).toBe(404)

    const response = await submit(student, caseId, { proof: [file], trips: [{ ticket: [ticket] }] })
    expect(response.status, await response.clone().text()).toBe(200)
    expect((await counsellor.get(`/api/files/${file.id}`)).status).toBe(200)
    expect((await counsellor.get(`/api/files/${ticket.id}`)).status).toBe(200)
    expect((await student.delete(`/api/files/${file.id}`)).status).toBe(409)
  })

  it("refuses a submission naming someone else's file, naming the field, and submits nothing", async () => {
    const other = await upload(h, await h.as('stu.2023002'), '证明.pdf', pdf)
    const student = await h.as('stu.2023001')
    const caseId = await draftOf(student)
    const fields = await refusal(await submit(student, caseId, { proof: [other] }), caseId, [other.id])
    expect(fields).toEqual({ proof: '附件不存在或不是本人上传的' })
  })

  it('refuses a file over the field’s size limit that was uploaded without naming the field', async () => {
    const student = await h.as('stu.2023003')
    const big = new Uint8Array(1024 * 1024 + 10)
    big.set(pdf)
    // Within the server-wide 2 MB, so the upload itself passes when it does not say which field it is for.
    const file = await upload(h, student, '大证明.pdf', big)
    const caseId = await draftOf(student)
    const fields = await refusal(await submit(student, caseId, { proof: [file] }), caseId, [file.id])
    expect(fields).toEqual({ proof: '大证明.pdf 超过 1 MB 上限' })
  })

  it('refuses a type the field does not accept, and more files than it holds', async () => {
    const student = await h.as('stu.2023003')
    const word = await upload(h, student, '说明.docx', docx)
    const pdfs = await Promise.all(['a.pdf', 'b.pdf', 'c.pdf'].map((name) => upload(h, student, name, pdf)))
    const caseId = await draftOf(student)
    expect(await refusal(await submit(student, caseId, { proof: [word] }), caseId, [word.id])).toEqual({ proof: '说明.docx 不是本栏接受的类型（.pdf,image/*）' })
    expect(await refusal(await submit(student, caseId, { proof: pdfs }), caseId, pdfs.map((f) => f.id))).toEqual({ proof: '本栏最多 2 个文件，收到 3 个' })
    expect(await refusal(await submit(student, caseId, { trips: [{ ticket: [pdfs[0]] }, { ticket: [word] }] }), caseId, [word.id])).toEqual({
      'trips[1].ticket': '说明.docx 不是本栏接受的类型（.pdf）',
    })
  })

  it('reads the stored bytes again: a file whose content is no longer what was checked is refused', async () => {
    const student = await h.as('stu.2023004')
    const file = await upload(h, student, '证明.pdf', pdf)
    await h.database.db.update(fileContents).set({ bytes: exe }).where(eq(fileContents.fileId, file.id))
    const caseId = await draftOf(student)
    const fields = await refusal(await submit(student, caseId, { proof: [file] }), caseId, [file.id])
    expect(fields.proof).toContain('证明.pdf 的内容不是允许的类型')
  })

  it('refuses a file uploaded for another case or another field of the form', async () => {
    const student = await h.as('stu.2023004')
    const [first, second] = [await draftOf(student), await draftOf(student)]
    const forFirst = await upload(h, student, '证明.pdf', pdf, { caseId: first, field: 'proof' })
    const forTicket = await upload(h, student, '车票.pdf', pdf, { caseId: second, field: 'trips.ticket' })
    expect(await refusal(await submit(student, second, { proof: [forFirst] }), second, [forFirst.id])).toEqual({ proof: '证明.pdf 是为另一个办件上传的，请在本栏重新上传' })
    expect(await refusal(await submit(student, second, { proof: [forTicket] }), second, [forTicket.id])).toEqual({ proof: '车票.pdf 是为表单另一栏上传的，请在本栏重新上传' })
  })

  it("checks a step's uploads too: the counsellor may add their own file, not the student's unattached one", async () => {
    const student = await h.as('stu.2023005')
    const caseId = await draftOf(student)
    expect((await submit(student, caseId, {})).status).toBe(200)
    const stray = await upload(h, student, '私存.pdf', pdf)
    const counsellor = await h.as('cs.counsellor')
    const { items } = await json<{ items: { taskId: string; caseId: string }[] }>(await counsellor.get('/api/tasks?box=todo'))
    const taskId = items.find((entry) => entry.caseId === caseId)!.taskId
    const refused = await counsellor.post(`/api/tasks/${taskId}/agree`, { data: { counsellorScan: [stray] } })
    expect(refused.status).toBe(400)
    expect((await json<Failure>(refused)).error.fields).toEqual({ counsellorScan: '附件不存在或不是本人上传的' })

    const scan = await upload(h, counsellor, '谈话记录.pdf', pdf, { caseId, field: 'counsellorScan' })
    const agreed = await counsellor.post(`/api/tasks/${taskId}/agree`, { data: { counsellorScan: [scan] } })
    expect(agreed.status, await agreed.clone().text()).toBe(200)
    expect((await student.get(`/api/files/${scan.id}`)).status).toBe(200)
  })
})
