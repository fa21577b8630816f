import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { dcConnectors, units } from '../../../db/schema'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness } from '../../../../test/harness'
import { createConnector, type SavedConnector } from './fixtures'

interface Failure { error: { code: string; fields?: Record<string, string> } }

const pg = (overrides: Record<string, unknown> = {}) => ({
  code: 'sis',
  name: '学籍库',
  config: { kind: 'postgres', url: 'postgres://reader:pa55word@db.example.edu:5432/sis', query: 'select dorm from students where no = :userNo', ...overrides },
  outputs: [{ source: 'dorm', name: 'dorm', label: '宿舍', type: 'string' }],
})

describe.each(testDatabases)('connector configuration on $name', (kind) => {
  const h = useHarness(kind)

  it('never returns the database password, and keeps it when an edit sends the mask back', async () => {
    const admin = await h.as('univ.admin')
    const saved = await createConnector(admin, pg())
    expect(saved.config.url).toBe('postgres://reader:******@db.example.edu:5432/sis')
    expect(saved.outputs).toEqual([expect.objectContaining({ path: 'dc:ext.sis.dorm' })])
    const listed = await json<{ items: SavedConnector[] }>(await admin.get('/api/datacenter/connectors'))
    expect(JSON.stringify(listed)).not.toContain('pa55word')
    const edited = await admin.request('PUT', `/api/datacenter/connectors/${saved.id}`, { ...pg({ url: saved.config.url }), name: '学籍库（只读）' })
    expect(edited.status).toBe(200)
    const [row] = await h.database.db.select().from(dcConnectors).where(eq(dcConnectors.id, saved.id))
    expect(row?.config).toMatchObject({ url: 'postgres://reader:pa55word@db.example.edu:5432/sis' })
    expect(row?.name).toBe('学籍库（只读）')
    const moved = await admin.request('PUT', `/api/datacenter/connectors/${saved.id}`, pg({ url: 'postgres://reader:******@elsewhere.example.com/sis' }))
    expect((await json<Failure>(moved)).error.fields).toEqual({ config: '请填写密码或密钥（没有可沿用的已保存值）' })
    const { items } = await json<{ items: { action: string; detail: unknown }[] }>(await admin.get('/api/audit?action=datacenter.connector_updated'))
    expect(items).toHaveLength(1)
    expect(JSON.stringify(items)).not.toContain('pa55word')
  })

  it.each([
    ['a statement that writes', pg({ query: 'delete from students' }), 'config.query', '只允许 SELECT 查询'],
    ['two statements', pg({ query: 'select 1 as dorm; select 2' }), 'config.query', '只能有一条语句'],
    ['an unknown parameter', pg({ query: 'select dorm from s where no = :studentNo' }), 'config.query', '未知的参数 :studentNo'],
    ['a URL that is not PostgreSQL', pg({ url: 'mysql://x@y/z' }), 'config.url', '连接地址须形如'],
    ['an unknown URL parameter', { ...pg(), config: { kind: 'http', urlTemplate: 'https://x.edu/api/{studentNo}' } }, 'config.urlTemplate', '未知的参数 {studentNo}'],
    ['a bad JSON path', { ...pg(), config: { kind: 'http', urlTemplate: 'https://x.edu/api/{userNo}' }, outputs: [{ source: 'data..dorm', name: 'dorm', label: '宿舍', type: 'string' }] }, 'outputs.0.source', 'JSON 路径须形如'],
    ['a code with a dot', { ...pg(), code: 'sis.v2' }, 'code', '编码须以小写字母开头'],
    ['a timeout over 30 s', pg({ timeoutMs: 60_000 }), 'config.timeoutMs', '超时不能超过'],
  ])('refuses at save %s, naming the field', async (_, body, field, message) => {
    const response = await (await h.as('univ.admin')).post('/api/datacenter/connectors', body)
    expect(response.status).toBe(400)
    expect((await json<Failure>(response)).error.fields?.[field]).toContain(message)
  })

  it('refuses a second connector with the same code in the unit', async () => {
    const admin = await h.as('univ.admin')
    await createConnector(admin, { ...pg(), code: 'twice' })
    const again = await admin.post('/api/datacenter/connectors', { ...pg(), code: 'twice' })
    expect(again.status).toBe(409)
    expect((await json<Failure>(again)).error.code).toBe('CONNECTOR_CODE_TAKEN')
  })

  it('is for unit and platform admins only: others are refused, other units see nothing', async () => {
    const admin = await h.as('univ.admin')
    const saved = await createConnector(admin, { ...pg(), code: 'private' })
    const student = await h.as('stu.2023001')
    expect((await student.get('/api/datacenter/connectors')).status).toBe(403)
    expect((await student.post('/api/datacenter/connectors', { ...pg(), code: 'mine' })).status).toBe(403)
    const county = await h.as('county.admin')
    expect((await county.get(`/api/datacenter/connectors/${saved.id}`)).status).toBe(404)
    expect((await county.delete(`/api/datacenter/connectors/${saved.id}`)).status).toBe(404)
    const [university] = await h.database.db.select({ id: units.id }).from(units).where(eq(units.code, 'univ'))
    const platform = await h.as('admin')
    const listed = await json<{ items: { code: string }[] }>(await platform.get(`/api/datacenter/connectors?unitId=${university!.id}`))
    expect(listed.items.map((c) => c.code)).toContain('private')
  })

  it('offers no paths from a disabled connector, and deletes one with an audit record', async () => {
    const admin = await h.as('univ.admin')
    const saved = await createConnector(admin, { ...pg(), code: 'gone', enabled: false })
    const catalog = await json<{ items: { path: string }[] }>(await admin.get('/api/datacenter/catalog'))
    expect(catalog.items.map((i) => i.path)).not.toContain('dc:ext.gone.dorm')
    expect((await admin.delete(`/api/datacenter/connectors/${saved.id}`)).status).toBe(204)
    expect((await admin.get(`/api/datacenter/connectors/${saved.id}`)).status).toBe(404)
    const { items } = await json<{ items: { objectId: string }[] }>(await admin.get('/api/audit?action=datacenter.connector_deleted'))
    expect(items.map((i) => i.objectId)).toContain(saved.id)
  })
})
