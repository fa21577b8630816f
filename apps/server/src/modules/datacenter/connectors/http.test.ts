import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dcPeople, users } from '../../../db/schema'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness } from '../../../../test/harness'
import { createConnector, prefill } from './fixtures'

const DORMS: Record<string, { dorm: string; gpa: string }> = { '2023001': { dorm: '桃园 3-402', gpa: '3.62' }, '2023002': { dorm: '李园 1-101', gpa: '3.10' } }

interface Seen {
  url: string
  authorization?: string
  apiKey?: string
}

/** A student-affairs system on 127.0.0.1 with every way an endpoint can misbehave. */
function studentAffairs(seen: Seen[]): Server {
  return createServer((request, response) => {
    seen.push({ url: request.url!, authorization: request.headers.authorization, apiKey: request.headers['x-api-key'] as string | undefined })
    const [, route, no = ''] = request.url!.split('/')
    const send = (status: number, body: string) => void response.writeHead(status, { 'content-type': 'application/json' }).end(body)
    if (route === 'students') {
      const record = DORMS[decodeURIComponent(no)]
      return record ? send(200, JSON.stringify({ data: { items: [record] } })) : send(404, '{"error":"not found"}')
    }
    if (route === 'slow') return undefined // never answers: the connector's timeout must end the wait
    if (route === 'garbage') return send(200, '<html>系统维护中</html>')
    if (route === 'error') return send(500, '{"message":"boom"}')
    if (route === 'shape') return send(200, '{"data":"maintenance"}')
    if (route === 'huge') {
      // Streamed without a length, so only counting the bytes as they arrive can stop it.
      response.writeHead(200, { 'content-type': 'application/json' })
      response.write('{"data":{"items":[{"dorm":"')
      for (let i = 0; i < 64; i++) response.write('x'.repeat(1024))
      return void response.end('"}]}}')
    }
    return send(404, '{}')
  })
}

const outputs = [
  { source: 'data.items[0].dorm', name: 'dorm', label: '宿舍', type: 'string' },
  { source: 'data.items[0].gpa', name: 'gpa', label: '绩点', type: 'number' },
]

describe.each(testDatabases)('HTTP JSON connector on $name', (kind) => {
  const h = useHarness(kind)
  const seen: Seen[] = []
  const server = studentAffairs(seen)
  let base = ''

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(() => {
    server.closeAllConnections()
    server.close()
  })

  /** A connector body for one route of the local endpoint. */
  const endpoint = (code: string, path: string, extra: Record<string, unknown> = {}) => ({
    code,
    name: `学工系统 ${code}`,
    config: { kind: 'http', urlTemplate: `${base}${path}`, timeoutMs: path.startsWith('/slow') ? 200 : 5000, ...extra },
    outputs,
  })

  it("pre-fills each student's own dorm and GPA, sending their number URL-encoded and the secret header", async () => {
    const admin = await h.as('univ.admin')
    await createConnector(admin, endpoint('xg', '/students/{userNo}', { headers: [{ name: 'Authorization', value: 'Bearer s3cret', secret: true }] }))
    const first = await prefill(await h.as('stu.2023001'), { dorm: 'dc:ext.xg.dorm', gpa: 'dc:ext.xg.gpa', name: 'dc:person.name' })
    expect(first).toEqual({ values: { dorm: '桃园 3-402', gpa: 3.62, name: '李明' }, failures: [] })
    const second = await prefill(await h.as('stu.2023002'), { dorm: 'dc:ext.xg.dorm' })
    expect(second.values).toEqual({ dorm: '李园 1-101' })
    expect(seen.filter((s) => s.url.startsWith('/students/')).map((s) => [s.url, s.authorization])).toEqual([
      ['/students/2023001', 'Bearer s3cret'],
      ['/students/2023002', 'Bearer s3cret'],
    ])
  })

  it.each([
    ['slow', '/slow/{userNo}', '超时（超过 200 毫秒没有回应）'],
    ['garbage', '/garbage/{userNo}', '接口返回的不是 JSON'],
    ['error', '/error/{userNo}', '接口返回错误状态 HTTP 500'],
    ['huge', '/huge/{userNo}', '接口返回内容超过 8 KB 上限'],
    ['shape', '/shape/{userNo}', '返回内容结构不符：data 不是对象'],
  ])('a %s answer gives the field a clear "could not pre-fill" state, never a blank', async (code, path, reason) => {
    const admin = await h.as('univ.admin')
    await createConnector(admin, endpoint(code, path, { maxBytes: 8192 }))
    const { values, failures } = await prefill(await h.as('stu.2023001'), { dorm: `dc:ext.${code}.dorm`, name: 'dc:person.name' })
    expect(values).toEqual({ name: '李明' })
    expect(failures.map((f) => [f.field, f.reason, f.notice])).toEqual([['dorm', 'SOURCE_ERROR', `无法预填「宿舍」：学工系统 ${code}：${reason}`]])
  })

  it('treats a 404 as "no record" and a user without a number as a reason, both reported per field', async () => {
    const admin = await h.as('univ.admin')
    await createConnector(admin, endpoint('lookup', '/students/{userNo}'))
    const { failures } = await prefill(await h.as('stu.2023003'), { dorm: 'dc:ext.lookup.dorm' })
    expect(failures.map((f) => f.notice)).toEqual(['无法预填「宿舍」：没有找到数据'])
    const staff = await prefill(await h.as('univ.hall'), { dorm: 'dc:ext.lookup.dorm' })
    expect(staff.failures.map((f) => f.notice)).toEqual(['无法预填「宿舍」：学工系统 lookup：当前用户没有学号/工号，无法查询'])
  })

  it('URL-encodes a number crafted to change the URL, so it asks only about that exact number', async () => {
    const admin = await h.as('univ.admin')
    await createConnector(admin, endpoint('crafted', '/students/{userNo}'))
    const [account] = await h.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'stu.2023004'))
    await h.database.db.update(dcPeople).set({ personNo: '../students/2023001?x=1#' }).where(eq(dcPeople.userId, account!.id))
    const { values, failures } = await prefill(await h.as('stu.2023004'), { dorm: 'dc:ext.crafted.dorm' })
    expect(values).toEqual({})
    expect(failures[0]?.reason).toBe('NOT_FOUND')
    expect(seen.at(-1)?.url).toBe('/students/..%2Fstudents%2F2023001%3Fx%3D1%23')
  })

  it('lists connector paths in the catalog with the caller’s own value as sample, sensitive ones withheld', async () => {
    const admin = await h.as('univ.admin')
    await createConnector(admin, { ...endpoint('cat', '/students/{userNo}'), outputs: [outputs[0], { ...outputs[1], sensitive: 'name' }] })
    const { items } = await json<{ items: { path: string; type: string; sample: unknown; source?: string }[] }>(await (await h.as('stu.2023002')).get('/api/datacenter/catalog'))
    expect(items.find((i) => i.path === 'dc:ext.cat.dorm')).toMatchObject({ type: 'string', sample: '李园 1-101', source: '学工系统 cat' })
    expect(items.find((i) => i.path === 'dc:ext.cat.gpa')).toMatchObject({ type: 'number', sample: null })
  })

  it('lets IT staff test a connector for a chosen user of the unit, and no one else run it', async () => {
    const admin = await h.as('univ.admin')
    const saved = await createConnector(admin, endpoint('probe', '/students/{userNo}'))
    const result = await json(await admin.post(`/api/datacenter/connectors/${saved.id}/test`, { username: 'stu.2023002' }))
    expect(result).toMatchObject({ ok: true, values: [{ path: 'dc:ext.probe.dorm', value: '李园 1-101' }, { path: 'dc:ext.probe.gpa', value: 3.1 }] })
    const failing = await createConnector(admin, endpoint('probe_slow', '/slow/{userNo}'))
    expect(await json(await admin.post(`/api/datacenter/connectors/${failing.id}/test`, { username: 'stu.2023002' }))).toMatchObject({ ok: false, error: '超时（超过 200 毫秒没有回应）' })
    expect((await (await h.as('stu.2023001')).post(`/api/datacenter/connectors/${saved.id}/test`, { username: 'stu.2023002' })).status).toBe(403)
    expect((await (await h.as('county.admin')).post(`/api/datacenter/connectors/${saved.id}/test`, { username: 'stu.2023002' })).status).toBe(404)
    expect((await admin.post(`/api/datacenter/connectors/${saved.id}/test`, { username: 'county.admin' })).status).toBe(404)
  })

  it('keeps a secret header when an edit sends back the mask, and logs each pre-fill with the connectors it ran', async () => {
    const admin = await h.as('univ.admin')
    const saved = await createConnector(admin, endpoint('keep', '/students/{userNo}', { headers: [{ name: 'X-Api-Key', value: 'k-123', secret: true }] }))
    expect(saved.config.headers).toEqual([{ name: 'X-Api-Key', value: '******', secret: true }])
    const edited = await admin.request('PUT', `/api/datacenter/connectors/${saved.id}`, { ...endpoint('keep', '/students/{userNo}'), name: '学工系统（新）', config: { ...saved.config } })
    expect(edited.status).toBe(200)
    await prefill(await h.as('stu.2023001'), { dorm: 'dc:ext.keep.dorm' })
    expect(seen.at(-1)).toMatchObject({ url: '/students/2023001', apiKey: 'k-123' })
    const { items } = await json<{ items: { detail: { connectors: Record<string, string> } }[] }>(await admin.get('/api/audit?action=datacenter.prefilled'))
    expect(items[0]?.detail.connectors).toEqual({ keep: 'ok' })
  })
})
