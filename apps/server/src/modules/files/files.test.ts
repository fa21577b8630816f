import type { FormSchema } from '@hall/form-schema'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases, files } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type Harness, type UserClient } from '../../../test/harness'
import { publishItem, type PublishedItem } from '../../../test/published-item'

const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)))
const pdf = fixture('certificate.pdf')
const png = fixture('stamp.png')
const docx = fixture('leave-note.docx')
/** The start of a Windows program: what a "disguised" attachment really is. */
const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0xff, 0xff])

const leaveForm = {
  type: 'object',
  properties: {
    certificate: {
      type: 'array',
      title: '医院证明',
      'x-component': 'Upload',
      'x-material': 'hospital-certificate',
      'x-component-props': { accept: '.pdf,image/*', maxSizeMB: 1, limit: 2 },
    },
    reason: { type: 'string', title: '事由', 'x-component': 'Input' },
  },
} satisfies FormSchema

/** One step, enough to publish the form above as an item. */
const oneStep = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Sick_leave" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_review" />
    <bpmn:userTask id="Task_review" name="审核" hall:assignee="post:P-JWC-REVIEW" />
    <bpmn:sequenceFlow id="f2" sourceRef="Task_review" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

interface Uploaded { id: string; name: string; mime: string; size: number; sha256: string; field: string | null; material: string | null; url: string }
interface Failure { error: { code: string; message: string; fields?: Record<string, string> } }

function upload(h: Harness, user: UserClient, files: [string, Uint8Array][], extra: Record<string, string> = {}) {
  const form = new FormData()
  for (const [name, bytes] of files) form.append('files', new File([bytes], name))
  for (const [key, value] of Object.entries(extra)) form.append(key, value)
  return h.app.request('/api/files', {
    method: 'POST',
    headers: { ...(user.cookie ? { cookie: user.cookie } : {}), ...(user.csrfToken ? { 'x-csrf-token': user.csrfToken } : {}) },
    body: form,
  })
}

const filesDir = mkdtempSync(join(tmpdir(), 'hall-files-test-'))
afterAll(() => rmSync(filesDir, { recursive: true, force: true }))

describe.each(testDatabases)('uploads on $name', (kind) => {
  const h = useHarness(kind, { HALL_UPLOAD_MAX_MB: '2' })

  it('stores a PDF, a PNG and a Word file with their checked type and SHA-256, and gives them back byte for byte', async () => {
    const student = await h.as('stu.2023001')
    const response = await upload(h, student, [['病假证明.pdf', pdf], ['印章.PNG', png], ['说明.docx', docx]])
    expect(response.status).toBe(201)
    const { items } = await json<{ items: Uploaded[] }>(response)
    expect(items.map((f) => [f.name, f.mime, f.size])).toEqual([
      ['病假证明.pdf', 'application/pdf', pdf.length],
      ['印章.PNG', 'image/png', png.length],
      ['说明.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', docx.length],
    ])
    expect(items[0]!.sha256).toBe(createHash('sha256').update(pdf).digest('hex'))
    const download = await student.get(items[0]!.url)
    expect(download.status).toBe(200)
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdf)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    expect(download.headers.get('x-content-type-options')).toBe('nosniff')
    expect(download.headers.get('content-disposition')).toContain("filename*=UTF-8''%E7%97%85%E5%81%87%E8%AF%81%E6%98%8E.pdf")
  })

  it('refuses a program renamed .pdf, saying what the content is not, and stores nothing of the batch', async () => {
    const student = await h.as('stu.2023002')
    const response = await upload(h, student, [['ok.pdf', pdf], ['发票.pdf', exe]])
    expect(response.status).toBe(415)
    const body = await json<Failure>(response)
    expect(body.error.code).toBe('FILE_TYPE_REJECTED')
    expect(body.error.fields?.['files.1']).toContain('发票.pdf 的内容不是允许的类型')
    expect(await h.database.db.select().from(files).where(eq(files.name, 'ok.pdf'))).toEqual([])
  })

  it('refuses a PDF renamed .png and a plain zip renamed .docx: content and name must agree', async () => {
    const student = await h.as('stu.2023002')
    const renamed = await json<Failure>(await upload(h, student, [['scan.png', pdf], ['report.docx', fixture('plain.zip')]]))
    expect(renamed.error.fields).toEqual({
      'files.0': 'scan.png 的内容是PDF 文档，与文件扩展名不符',
      'files.1': 'report.docx 的内容不是允许的类型（PDF、图片、Word、Excel、文本）',
    })
  })

  describe('into a field of a case', () => {
    let item: PublishedItem
    beforeAll(async () => {
      item = await publishItem(h.database, { unit: 'univ', dept: 'JWC', code: 'sick-leave', name: '病假', form: leaveForm, bpmn: oneStep })
    })
    const draftOf = async (user: UserClient) => (await json<{ id: string }>(await user.post('/api/cases', { itemId: item.itemId }))).id

    it("applies the published form field's accept list, size and count limits, and records its material", async () => {
      const student = await h.as('stu.2023003')
      const target = { caseId: await draftOf(student), field: 'certificate' }
      const word = await json<Failure>(await upload(h, student, [['说明.docx', docx]], target))
      expect(word.error.fields?.['files.0']).toBe('说明.docx 不是本栏接受的类型（.pdf,image/*）')
      const tooMany = await upload(h, student, [['a.pdf', pdf], ['b.pdf', pdf], ['c.pdf', pdf]], target)
      expect(tooMany.status).toBe(400)
      expect((await json<Failure>(tooMany)).error.code).toBe('TOO_MANY_FILES')
      const big = new Uint8Array(1024 * 1024 + 10)
      big.set(pdf)
      const oversized = await upload(h, student, [['big.pdf', big]], target)
      expect(oversized.status).toBe(413)
      expect((await json<Failure>(oversized)).error.fields?.['files.0']).toBe('big.pdf 超过 1 MB 上限')
      const ok = await json<{ items: Uploaded[] }>(await upload(h, student, [['证明.pdf', pdf]], target))
      expect(ok.items[0]).toMatchObject({ field: 'certificate', material: 'hospital-certificate' })
    })

    it('ignores limits the request claims for itself: only the published form counts', async () => {
      const student = await h.as('stu.2023003')
      const loose = JSON.stringify({ type: 'object', properties: { certificate: { ...leaveForm.properties.certificate, 'x-component-props': { accept: '.docx' } } } })
      const response = await upload(h, student, [['说明.docx', docx]], { caseId: await draftOf(student), field: 'certificate', schema: loose })
      expect(response.status).toBe(415)
    })

    it('answers 400 naming the field that is no upload, or the case it lacks', async () => {
      const student = await h.as('stu.2023003')
      const caseId = await draftOf(student)
      const notUpload = await upload(h, student, [['a.pdf', pdf]], { caseId, field: 'reason' })
      expect(notUpload.status).toBe(400)
      expect((await json<Failure>(notUpload)).error.fields).toEqual({ field: '办件表单中没有上传栏 reason' })
      const noCase = await upload(h, student, [['a.pdf', pdf]], { field: 'certificate' })
      expect(noCase.status).toBe(400)
      expect((await json<Failure>(noCase)).error.fields).toEqual({ caseId: '上传到 certificate 栏时须指明办件' })
      const noField = await upload(h, student, [['a.pdf', pdf]], { caseId })
      expect((await json<Failure>(noField)).error.fields).toHaveProperty('field')
    })

    it('takes a supplement upload by its material: the field carrying it sets the limits, and the file is the case’s at once', async () => {
      const student = await h.as('stu.2023003')
      const caseId = await draftOf(student)
      expect((await student.post(`/api/cases/${caseId}/submit`, { data: {} })).status).toBe(200)
      // Given the window asked for the certificate again (补正).
      await h.database.db.update(cases).set({ status: 'supplement' }).where(eq(cases.id, caseId))
      const target = { caseId, material: 'hospital-certificate' }
      expect((await upload(h, student, [['说明.docx', docx]], target)).status).toBe(415)
      const { items } = await json<{ items: Uploaded[] }>(await upload(h, student, [['补交证明.pdf', pdf]], target))
      expect(items[0]).toMatchObject({ field: 'certificate', material: 'hospital-certificate' })
      const [row] = await h.database.db.select({ caseId: files.caseId }).from(files).where(eq(files.id, items[0]!.id))
      expect(row?.caseId).toBe(caseId)
      expect((await student.delete(`/api/files/${items[0]!.id}`)).status).toBe(409)
    })

    it("answers 404 for someone else's case and stores nothing", async () => {
      const caseId = await draftOf(await h.as('stu.2023003'))
      const response = await upload(h, await h.as('stu.2023002'), [['偷放.pdf', pdf]], { caseId, field: 'certificate' })
      expect(response.status).toBe(404)
      expect(await h.database.db.select().from(files).where(eq(files.name, '偷放.pdf'))).toEqual([])
    })
  })

  it('refuses a request over HALL_UPLOAD_MAX_MB before reading it all', async () => {
    const student = await h.as('stu.2023003')
    const huge = new Uint8Array(3 * 1024 * 1024)
    huge.set(pdf)
    const response = await upload(h, student, [['huge.pdf', huge]])
    expect(response.status).toBe(413)
    // The body limit's answer (no per-file fields): the request was cut off, not parsed.
    expect((await json<Failure>(response)).error).toEqual({ code: 'FILE_TOO_LARGE', message: '上传内容超过 2 MB 上限，未保存任何文件' })
  })

  it('keeps only the last part of a name like ../../etc/passwd.txt and keeps Chinese', async () => {
    const student = await h.as('stu.2023001')
    const { items } = await json<{ items: Uploaded[] }>(await upload(h, student, [['../../etc/成绩\u0000单.txt', new TextEncoder().encode('姓名,成绩\n李明,90\n')]]))
    expect(items[0]?.name).toBe('成绩单.txt')
    expect(items[0]?.mime).toBe('text/plain')
    const download = await student.get(items[0]!.url)
    expect(download.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  })

  it("answers 404 for another user's file, lets a unit admin read it, and 401 without a session", async () => {
    const owner = await h.as('stu.2023001')
    const { items } = await json<{ items: Uploaded[] }>(await upload(h, owner, [['mine.pdf', pdf]]))
    const url = items[0]!.url
    const other = await h.as('stu.2023002')
    expect((await other.get(url)).status).toBe(404)
    expect((await other.get(`/api/files/${items[0]!.id}`)).status).toBe(404)
    expect((await other.delete(`/api/files/${items[0]!.id}`)).status).toBe(404)
    expect((await (await h.as('county.admin')).get(url)).status).toBe(404)
    expect((await (await h.as('univ.admin')).get(url)).status).toBe(200)
    expect((await h.anonymous.get(url)).status).toBe(401)
    expect((await upload(h, h.anonymous, [['a.pdf', pdf]])).status).toBe(401)
  })

  it('keeps a file once it is attached to a case: readable, not deletable', async () => {
    const owner = await h.as('stu.2023005')
    const { items } = await json<{ items: Uploaded[] }>(await upload(h, owner, [['材料.pdf', pdf]]))
    await h.database.db.update(files).set({ caseId: 'case-1' }).where(eq(files.id, items[0]!.id))
    expect((await owner.get(items[0]!.url)).status).toBe(200)
    const refused = await owner.delete(`/api/files/${items[0]!.id}`)
    expect(refused.status).toBe(409)
    expect((await json<Failure>(refused)).error.code).toBe('FILE_ATTACHED')
    expect((await (await h.as('stu.2023006')).delete(`/api/files/${items[0]!.id}`)).status).toBe(404)
  })

  it('is described in the OpenAPI document as a multipart upload', async () => {
    const doc = await json<{ paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> }>(await h.anonymous.get('/api/openapi.json'))
    expect(Object.keys(doc.paths['/files']?.post?.requestBody?.content ?? {})).toEqual(['multipart/form-data'])
    expect(doc.paths['/datacenter/collected/export']).toBeDefined()
  })

  it('deletes the uploader’s own file and audits upload and deletion', async () => {
    const owner = await h.as('stu.2023004')
    const { items } = await json<{ items: Uploaded[] }>(await upload(h, owner, [['temp.png', png]]))
    const id = items[0]!.id
    expect((await owner.delete(`/api/files/${id}`)).status).toBe(204)
    expect((await owner.get(`/api/files/${id}`)).status).toBe(404)
    const admin = await h.as('univ.admin')
    const audited = async (action: string) =>
      (await json<{ items: { objectId: string }[] }>(await admin.get(`/api/audit?action=${action}`))).items.map((e) => e.objectId)
    expect(await audited('file.uploaded')).toContain(id)
    expect(await audited('file.deleted')).toContain(id)
  })
})

describe.each(testDatabases)('uploads into HALL_FILES_DIR on $name', (kind) => {
  const dir = mkdtempSync(join(filesDir, `${kind.name}-`))
  const h = useHarness(kind, { HALL_FILES_DIR: dir })

  it('writes the bytes to a file named by the id, never by the user, and removes it on delete', async () => {
    const student = await h.as('stu.2023001')
    const { items } = await json<{ items: Uploaded[] }>(await upload(h, student, [['../病假证明.pdf', pdf]]))
    const id = items[0]!.id
    expect(readdirSync(dir)).toEqual([id])
    expect(new Uint8Array(readFileSync(join(dir, id)))).toEqual(pdf)
    expect(new Uint8Array(await (await student.get(items[0]!.url)).arrayBuffer())).toEqual(pdf)
    const row = await h.database.db.query.fileContents.findFirst()
    expect(row).toBeUndefined()
    expect((await student.delete(`/api/files/${id}`)).status).toBe(204)
    expect(readdirSync(dir)).toEqual([])
  })

  it('leaves no file behind when a batch is refused', async () => {
    const student = await h.as('stu.2023002')
    expect((await upload(h, student, [['a.pdf', pdf], ['b.pdf', exe]])).status).toBe(415)
    expect(readdirSync(dir)).toEqual([])
  })
})
