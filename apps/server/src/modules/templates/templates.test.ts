import { beforeAll, describe, expect, it } from 'vitest'
import { ZipFile } from 'yazl'
import { testDatabases } from '../../../test/databases'
import { json, useHarness, type Harness, type UserClient } from '../../../test/harness'
import { readBundle } from './bundle/read'
import type { ImportReport } from './bundle/import'

interface Dept { id: string; code: string }

const upload = (h: Harness, client: UserClient, path: string, zip: Buffer, options: unknown = {}) => {
  const form = new FormData()
  form.set('file', new File([new Uint8Array(zip)], 'bundle.zip', { type: 'application/zip' }))
  form.set('options', JSON.stringify(options))
  return Promise.resolve(h.app.request(path, { method: 'POST', headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken }, body: form }))
}

/** A zip of the given manifest and files as they are, checksums not recomputed. */
async function zipWith(manifest: unknown, files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new ZipFile()
  zip.addBuffer(Buffer.from(JSON.stringify(manifest)), 'manifest.json')
  for (const [path, data] of files) zip.addBuffer(data, path)
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const exported = async (client: UserClient, itemIds: string[]) => {
  const response = await client.post('/api/templates/export', { itemIds })
  expect(response.status, await response.clone().text()).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/zip')
  return Buffer.from(await response.arrayBuffer())
}

const contentHashes = async (zip: Buffer) => {
  const { manifest } = await readBundle(zip)
  return manifest.items.map((item) => [manifest.files[item.files.guide], manifest.files[item.files.form]])
}

describe.each(testDatabases)('templates and bundles on $name', (kind) => {
  const h = useHarness(kind)
  let county: UserClient
  let univ: UserClient
  let countyDepts: Dept[]
  let univDepts: Dept[]
  let leaveId: string

  beforeAll(async () => {
    county = await h.as('county.hall')
    univ = await h.as('univ.hall')
    countyDepts = (await json<{ items: Dept[] }>(await county.get('/api/org/departments'))).items
    univDepts = (await json<{ items: Dept[] }>(await univ.get('/api/org/departments'))).items
  })
  const dept = (depts: Dept[], code: string) => depts.find((d) => d.code === code)!.id

  it('lists every built-in template with the posts the unit already has', async () => {
    const { items } = await json<{ items: { id: string; posts: { code: string; present: boolean }[] }[] }>(await county.get('/api/templates'))
    expect(items.map((t) => t.id)).toEqual(expect.arrayContaining(['staff-leave', 'student-leave', 'joint-enterprise']))
    expect(items.find((t) => t.id === 'staff-leave')!.posts).toEqual([
      { code: 'P-SUP', name: expect.any(String), present: true },
      { code: 'P-DEPUTY', name: expect.any(String), present: true },
    ])
  })

  it('installs a template as a published item in one step, and a second install changes nothing', async () => {
    const first = await county.post('/api/templates/staff-leave/install', { deptId: dept(countyDepts, 'SUP') })
    expect(first.status, await first.clone().text()).toBe(201)
    const installed = await json<{ itemId: string; action: string; version: number }>(first)
    expect(installed).toMatchObject({ action: 'created', version: 1 })
    leaveId = installed.itemId
    const { items } = await json<{ items: { version: number; note: string }[] }>(await county.get(`/api/items/${leaveId}/versions`))
    expect(items).toEqual([expect.objectContaining({ version: 1, note: '由内置模板 staff-leave 安装' })])

    const again = await json<{ action: string; version: number }>(await county.post('/api/templates/staff-leave/install', { deptId: dept(countyDepts, 'SUP') }))
    expect(again).toMatchObject({ action: 'unchanged', version: 1 })
  })

  it('asks a unit without the template\'s posts to map each of them, naming them', async () => {
    const response = await univ.post('/api/templates/staff-leave/install', { deptId: dept(univDepts, 'HALL') })
    expect(response.status).toBe(422)
    const body = await json<{ error: { code: string; fields: Record<string, string> } }>(response)
    expect(body.error.code).toBe('MAPPING_REQUIRED')
    expect(Object.keys(body.error.fields)).toEqual(['posts.P-SUP', 'posts.P-DEPUTY'])
  })

  it('previews an import without writing, imports all at once, and re-imports idempotently', async () => {
    const zip = await exported(county, [leaveId])
    const unmapped = await json<ImportReport>(await upload(h, univ, '/api/templates/import?dryRun=true', zip))
    expect(unmapped).toMatchObject({ ready: false, posts: [{ code: 'P-DEPUTY', mappedTo: null }, { code: 'P-SUP', mappedTo: null }], dictionaries: [{ table: 'leave_type', action: 'keep' }] })

    const options = { posts: { 'P-SUP': 'P-JWC-REVIEW', 'P-DEPUTY': 'P-HALL' }, deptId: dept(univDepts, 'HALL') }
    const preview = await json<ImportReport>(await upload(h, univ, '/api/templates/import?dryRun=true', zip, options))
    expect(preview).toMatchObject({ dryRun: true, ready: true, items: [{ code: 'staff-leave', action: 'created', problems: [] }] })
    const before = await json<{ items: unknown[] }>(await univ.get('/api/items'))
    expect(before.items).toEqual([])

    const applied = await json<ImportReport>(await upload(h, univ, '/api/templates/import?dryRun=false', zip, options))
    expect(applied).toMatchObject({ dryRun: false, ready: true, items: [{ action: 'created' }] })
    const againResponse = await upload(h, univ, '/api/templates/import?dryRun=false', zip, options)
    const again = await json<ImportReport>(againResponse)
    expect(againResponse.status).toBe(200)
    expect(again.items).toEqual([expect.objectContaining({ action: 'unchanged' })])

    // The round trip: exported again from the university, the guide and form hash the same, and
    // importing it back into the county with the reverse mapping is no change at all.
    const { items } = await json<{ items: { id: string }[] }>(await univ.get('/api/items'))
    const back = await exported(univ, [items[0]!.id])
    expect(await contentHashes(back)).toEqual(await contentHashes(zip))
    const home = await json<ImportReport>(await upload(h, county, '/api/templates/import?dryRun=false', back, { posts: { 'P-JWC-REVIEW': 'P-SUP', 'P-HALL': 'P-DEPUTY' } }))
    expect(home.items).toEqual([expect.objectContaining({ code: 'staff-leave', action: 'unchanged' })])
  })

  it('rejects a tampered bundle with the reason and imports nothing', async () => {
    const { manifest, files } = await readBundle(await exported(county, [leaveId]))
    const guidePath = manifest.items[0]!.files.guide
    files.set(guidePath, Buffer.from(files.get(guidePath)!.toString().replace('窗口工作人员', '任何人')))
    const tampered = await zipWith(manifest, files)
    const response = await upload(h, univ, '/api/templates/import?dryRun=false', tampered, { deptId: dept(univDepts, 'HALL') })
    expect(response.status).toBe(400)
    const { error } = await json<{ error: { code: string; message: string } }>(response)
    expect(error).toMatchObject({ code: 'BUNDLE_INVALID', message: expect.stringContaining(guidePath) })
    expect((await json<{ items: unknown[] }>(await univ.get('/api/items'))).items).toHaveLength(1)
  })

  it('does not export another unit\'s item', async () => {
    expect((await univ.post('/api/templates/export', { itemIds: [leaveId] })).status).toBe(404)
  })
})
