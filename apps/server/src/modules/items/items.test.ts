import { eq, sql } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { itemVersions } from '../../db/schema'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type UserClient } from '../../../test/harness'

const guide = {
  summary: '市场主体设立登记',
  legalBasis: ['《中华人民共和国市场主体登记管理条例》'],
  conditions: '申请人具有完全民事行为能力',
  procedure: '网上申请 → 窗口受理 → 审核 → 发证',
  promisedLimit: { value: 3, unit: 'wd' },
  legalLimit: { value: 15, unit: 'wd' },
  result: { kind: 'licence', name: '营业执照' },
  contact: { phone: '0564-1234567', complaintPhone: '12345' },
  materials: [
    { id: 'idcard', name: '居民身份证', form: 'copy' },
    { id: 'lease', name: '经营场所租赁合同', offline: true },
  ],
}
const form = {
  type: 'object',
  properties: {
    applicant: { type: 'string', title: '申请人', 'x-component': 'Input', 'x-prefill': 'dc:person.name' },
    capital: { type: 'number', title: '注册资本', 'x-component': 'NumberPicker' },
    idcard: { type: 'array', title: '身份证复印件', 'x-component': 'Upload', 'x-material': 'idcard' },
  },
}
const bpmn = (assignee: string, condition = '=capital > 100') => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:hall="urn:hall:bpmn:1" id="Defs" targetNamespace="urn:hall:test">
  <bpmn:process id="Process_market" name="市场主体登记" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="Task_accept" />
    <bpmn:userTask id="Task_accept" name="窗口受理" hall:assignee="${assignee}" hall:due="1wd">
      <bpmn:extensionElements><hall:fieldPermission path="capital" mode="readonly" /></bpmn:extensionElements>
    </bpmn:userTask>
    <bpmn:sequenceFlow id="f2" sourceRef="Task_accept" targetRef="Gate" />
    <bpmn:exclusiveGateway id="Gate" default="f4" />
    <bpmn:sequenceFlow id="f3" sourceRef="Gate" targetRef="Task_head"><bpmn:conditionExpression>${condition}</bpmn:conditionExpression></bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="f4" sourceRef="Gate" targetRef="End" />
    <bpmn:userTask id="Task_head" name="负责人审批" hall:assignee="deptHead:1" />
    <bpmn:sequenceFlow id="f5" sourceRef="Task_head" targetRef="End" />
    <bpmn:endEvent id="End" />
  </bpmn:process>
</bpmn:definitions>`

interface Draft { revision: number; bpmn: string; guide: Record<string, unknown>; updatedBy: { name: string } | null }
interface Problem { part: string; severity: string; path?: string; elementId?: string; message: string }

describe.each(testDatabases)('items on $name', (kind) => {
  const h = useHarness(kind)
  let hall: UserClient
  let marketDept: string
  let itemId: string
  let revision: number

  beforeAll(async () => {
    hall = await h.as('county.hall')
    const { items } = await json<{ items: { id: string; code: string }[] }>(await hall.get('/api/org/departments'))
    marketDept = items.find((d) => d.code === 'W-MARKET')!.id
  })

  const save = (client: UserClient, body: Record<string, unknown>) => client.request('PUT', `/api/items/${itemId}/draft`, { guide, form, bpmn: bpmn('post:P-MARKET'), revision, ...body })

  it('creates an item whose first draft is an empty guide, an empty form and a start → 受理 → end process', async () => {
    const response = await hall.post('/api/items', { code: 'market-entry', name: '市场主体设立登记', deptId: marketDept })
    expect(response.status).toBe(201)
    const { item, draft } = await json<{ item: { id: string; status: string; latestVersion: null; deptName: string }; draft: Draft }>(response)
    expect(item).toMatchObject({ status: 'active', latestVersion: null, deptName: '市场监管窗口' })
    expect(draft.revision).toBe(1)
    expect(draft.bpmn).toContain('id="Process_market-entry"')
    itemId = item.id
    revision = draft.revision
  })

  it('refuses a second item with the same code', async () => {
    const response = await hall.post('/api/items', { code: 'market-entry', name: '重复', deptId: marketDept })
    expect(response.status).toBe(409)
  })

  it('saves a half-done draft, then answers a stale save with 409 and who saved first', async () => {
    const first = await save(hall, { guide: { summary: '草稿' }, form: { type: 'object', properties: {} } })
    expect(first.status).toBe(200)
    const stale = revision
    revision = (await json<Draft>(first)).revision
    expect(revision).toBe(stale + 1)

    const other = await h.as('county.admin')
    const conflict = await other.request('PUT', `/api/items/${itemId}/draft`, { guide, form, bpmn: bpmn('post:P-MARKET'), revision: stale })
    expect(conflict.status).toBe(409)
    const body = await json<{ error: { code: string }; current: Draft }>(conflict)
    expect(body.error.code).toBe('VERSION_CONFLICT')
    expect(body.current).toMatchObject({ revision, guide: { summary: '草稿' }, updatedBy: { name: '吴晓梅' } })
  })

  it('rejects a draft form that is not a form schema, naming the place', async () => {
    const response = await save(hall, { form: { type: 'object', properties: { a: { type: 42 } } } })
    expect(response.status).toBe(400)
    const { error } = await json<{ error: { code: string; fields: Record<string, string> } }>(response)
    expect(error.code).toBe('FORM_INVALID')
    expect(Object.keys(error.fields)).toEqual(['form.a'])
  })

  it('lists every problem of guide, form, process and bindings at once and publishes nothing', async () => {
    const broken = await save(hall, {
      guide: { ...guide, contact: { phone: '', complaintPhone: '12345' }, materials: [...guide.materials, { id: 'photo', name: '照片' }] },
      form: { ...form, properties: { ...form.properties, college: { type: 'string', 'x-component': 'Input', 'x-prefill': 'dc:person.shoeSize' } } },
      bpmn: bpmn('post:P-NOWHERE,role:nobodyRole', '=capital > > 1 or budget > 3'),
    })
    revision = (await json<Draft>(broken)).revision
    const response = await hall.post(`/api/items/${itemId}/publish`, {})
    expect(response.status).toBe(422)
    const { error, problems } = await json<{ error: { code: string }; problems: Problem[] }>(response)
    expect(error.code).toBe('PUBLISH_INVALID')
    const errors = problems.filter((p) => p.severity === 'error')
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ part: 'guide', path: 'contact.phone' }),
        expect.objectContaining({ part: 'form', path: 'college' }),
        expect.objectContaining({ part: 'process', elementId: 'f3' }),
        expect.objectContaining({ part: 'binding', elementId: 'Task_accept', message: expect.stringContaining('P-NOWHERE') }),
        expect.objectContaining({ part: 'binding', elementId: 'Task_accept', message: expect.stringContaining('nobodyRole') }),
        expect.objectContaining({ part: 'binding', elementId: 'f3', message: expect.stringContaining('budget') }),
        expect.objectContaining({ part: 'binding', path: 'materials.2', message: expect.stringContaining('照片') }),
      ]),
    )
    expect(await json(await hall.get(`/api/items/${itemId}/versions`))).toEqual({ items: [] })
    expect((await json<{ item: { latestVersion: null } }>(await hall.get(`/api/items/${itemId}`))).item.latestVersion).toBeNull()
  })

  it('publishes a complete item as version 1 on an engine deployment, audited', async () => {
    revision = (await json<Draft>(await save(hall, {}))).revision
    const response = await hall.post(`/api/items/${itemId}/publish`, { revision, note: '首次发布' })
    expect(response.status).toBe(201)
    const { version } = await json<{ version: { version: number; definitionId: string; publishedBy: { name: string } } }>(response)
    expect(version).toMatchObject({ version: 1, definitionId: `item.${itemId}:1`, publishedBy: { name: '吴晓梅' } })
    const admin = await h.as('county.admin')
    const { items } = await json<{ items: { objectId: string; detail: { version: number } }[] }>(await admin.get('/api/audit?action=item.published'))
    expect(items[0]).toMatchObject({ objectId: itemId, detail: { version: 1 } })
  })

  it('does not publish a draft someone changed after the publisher opened it', async () => {
    const response = await hall.post(`/api/items/${itemId}/publish`, { revision: revision - 1 })
    expect(response.status).toBe(409)
  })

  it('publishes version 2 and shows a readable diff of guide, form and process', async () => {
    const properties = { ...form.properties, capital: { ...form.properties.capital, title: '注册资本（万元）' }, scope: { type: 'string', title: '经营范围', 'x-component': 'Input.TextArea' } }
    revision = (await json<Draft>(await save(hall, { guide: { ...guide, promisedLimit: { value: 2, unit: 'wd' } }, form: { ...form, properties }, bpmn: bpmn('post:P-MARKET,post:P-INTAKE') }))).revision
    expect((await hall.post(`/api/items/${itemId}/publish`, {})).status).toBe(201)

    const { items } = await json<{ items: { version: number }[] }>(await hall.get(`/api/items/${itemId}/versions`))
    expect(items.map((v) => v.version)).toEqual([2, 1])
    const diff = await json<{ guide: unknown[]; form: unknown[]; process: unknown[] }>(await hall.get(`/api/items/${itemId}/diff?from=1&to=2`))
    expect(diff.guide).toEqual([{ field: 'promisedLimit', label: '承诺时限', change: 'changed', old: '3个工作日', new: '2个工作日' }])
    // jsonb keeps no key order, so the fields are compared as a set.
    expect(diff.form).toHaveLength(2)
    expect(diff.form).toEqual(
      expect.arrayContaining([
        { path: 'capital', label: '注册资本（万元）', change: 'changed', properties: [{ key: 'title', label: '标题', old: '注册资本', new: '注册资本（万元）' }] },
        expect.objectContaining({ path: 'scope', label: '经营范围', change: 'added' }),
      ]),
    )
    expect(diff.process).toEqual([
      { id: 'Task_accept', name: '窗口受理', type: 'userTask', change: 'changed', attributes: [{ key: 'hall:assignee', label: '办理人', old: 'post:P-MARKET', new: 'post:P-MARKET,post:P-INTAKE' }] },
    ])
    const toDraft = await json<{ to: string; guide: unknown[] }>(await hall.get(`/api/items/${itemId}/diff?from=2&to=draft`))
    expect(toDraft).toMatchObject({ to: 'draft', guide: [], form: [], process: [] })
  })

  it('publishes version 1 again as version 3 and resets the draft to it', async () => {
    const v1 = await json<{ bpmn: string }>(await hall.get(`/api/items/${itemId}/versions/1`))
    const response = await hall.post(`/api/items/${itemId}/versions/1/republish`)
    expect(response.status).toBe(201)
    expect(await json(response)).toMatchObject({ version: 3, republishedFrom: 1 })
    const { item, draft } = await json<{ item: { latestVersion: number }; draft: Draft }>(await hall.get(`/api/items/${itemId}`))
    expect(item.latestVersion).toBe(3)
    expect(draft.bpmn).toBe(v1.bpmn)
    revision = draft.revision
  })

  it('lists the item in the hall catalog for applicants until it is retired', async () => {
    const citizen = await h.as('citizen.zhang')
    const catalog = async () => (await json<{ items: { itemId: string; version: number; guide: { summary: string } }[] }>(await citizen.get('/api/items/published'))).items
    expect(await catalog()).toEqual([expect.objectContaining({ itemId, version: 3, guide: expect.objectContaining({ summary: '市场主体设立登记' }) })])
    expect((await json<{ status: string }>(await hall.post(`/api/items/${itemId}/retire`))).status).toBe('retired')
    expect(await catalog()).toEqual([])
    expect((await hall.post(`/api/items/${itemId}/reactivate`)).status).toBe(200)
    expect(await catalog()).toHaveLength(1)
  })

  it("hides the item from another unit's admin and refuses applicants", async () => {
    const stranger = await h.as('univ.admin')
    expect((await stranger.get(`/api/items/${itemId}`)).status).toBe(404)
    expect((await stranger.post(`/api/items/${itemId}/publish`, {})).status).toBe(404)
    const citizen = await h.as('citizen.zhang')
    expect((await citizen.get(`/api/items/${itemId}`)).status).toBe(403)
    expect((await citizen.get('/api/items')).status).toBe(403)
    expect((await citizen.request('PUT', `/api/items/${itemId}/draft`, { guide, form, bpmn: bpmn('post:P-MARKET'), revision })).status).toBe(403)
  })

  it('filters the item list by status and search text', async () => {
    const list = async (query: string) => (await json<{ items: { code: string }[] }>(await hall.get(`/api/items${query}`))).items.map((i) => i.code)
    expect(await list('?q=设立')).toEqual(['market-entry'])
    expect(await list('?q=nothing')).toEqual([])
    expect(await list('?status=retired')).toEqual([])
    expect(await list(`?deptId=${marketDept}&status=active`)).toEqual(['market-entry'])
  })

  it('documents every items route in the OpenAPI document', async () => {
    const { paths } = await json<{ paths: Record<string, unknown> }>(await hall.get('/api/openapi.json'))
    expect(Object.keys(paths).filter((path) => path.startsWith('/items')).sort()).toEqual([
      '/items', '/items/published', '/items/{id}', '/items/{id}/diff', '/items/{id}/draft', '/items/{id}/publish',
      '/items/{id}/reactivate', '/items/{id}/retire', '/items/{id}/versions', '/items/{id}/versions/{version}', '/items/{id}/versions/{version}/republish',
    ])
  })

  it('refuses to change a published version, whoever asks', async () => {
    const { db } = h.database
    await expect(db.update(itemVersions).set({ note: 'changed' }).where(eq(itemVersions.itemId, itemId))).rejects.toThrow()
    await expect(db.execute(sql`delete from item_versions`)).rejects.toThrow()
    const [row] = await db.select({ note: itemVersions.note }).from(itemVersions).where(eq(itemVersions.version, 1))
    expect(row?.note).toBe('首次发布')
  })
})
