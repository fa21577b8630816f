import { describe, expect, it } from 'vitest'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness, type UserClient } from '../../../../test/harness'

interface Report { created: number; updated: number; rows: number; errors: { row: number; column: string; message: string }[] }

const upload = (client: UserClient, kind: string, csv: string, query = '') =>
  client.request('POST', `/api/org/import/${kind}${query}`, csv, { 'content-type': 'text/csv' })

const count = async (client: UserClient, path: string) => (await json<{ items: unknown[] }>(await client.get(path))).items.length

describe.each(testDatabases)('CSV import of the organisation on $name', (kind) => {
  const h = useHarness(kind)

  it('imports departments (parents may come later in the file), then users with roles, then AB posts', async () => {
    const admin = await h.as('county.admin')
    const depts = await upload(admin, 'departments', '\uFEFFcode,name,parent_code,kind\nW-TAX-1,税务一窗,W-TAX,窗口\nW-TAX,税务窗口,,window\n')
    expect(depts.status).toBe(200)
    expect(await json<Report>(depts)).toMatchObject({ created: 2, updated: 0, errors: [] })

    const users = await upload(
      admin,
      'users',
      'username,display_name,dept_codes,phone,id_number,roles\n' +
        'tax.a,税务甲,W-TAX|W-TAX-1,13805640001,,window_staff@W-TAX|审批人\n' +
        'tax.b,"税务乙, 副",W-TAX,,,窗口人员@W-TAX\n',
    )
    expect(await json<Report>(users)).toMatchObject({ created: 2, errors: [] })

    const posts = await upload(admin, 'posts', 'code,name,dept_code,a_username,b_usernames\nP-TAX,税务受理岗,W-TAX,tax.a,tax.b\n')
    expect(await json<Report>(posts)).toMatchObject({ created: 1 })
    const grants = await json<{ items: { role: string }[] }>(await admin.get('/api/org/role-grants'))
    expect(grants.items.filter((g) => g.role === 'approver').length).toBeGreaterThan(0)
  })

  it('rejects the whole file when one row is bad, with every problem by row and column, and imports nothing', async () => {
    const admin = await h.as('county.admin')
    const before = await count(admin, '/api/org/departments')
    const response = await upload(admin, 'departments', 'code,name,parent_code,kind\nOK-1,正常部门,,office\nBAD 2,,NOPE,星球\nOK-1,重复,,office\n')
    expect(response.status).toBe(400)
    const body = await json<{ error: { code: string }; report: Report }>(response)
    expect(body.error.code).toBe('IMPORT_INVALID')
    const cells = body.report.errors.map((e) => `${e.row}:${e.column}`)
    expect(cells).toEqual(expect.arrayContaining(['3:code', '3:name', '3:kind', '4:code']))
    expect(await count(admin, '/api/org/departments')).toBe(before)
  })

  it('checks ID numbers by their check digit and refuses names taken in another unit', async () => {
    const admin = await h.as('county.admin')
    const response = await upload(admin, 'users', 'username,display_name,id_number\nok.person,某人,341524198503120113\nbad.id,某人,341524198503120112\nstu.2023001,冒名,\n')
    const { report } = await json<{ report: Report }>(response)
    expect(report.errors.map((e) => `${e.row}:${e.column}`)).toEqual(['3:id_number', '4:username'])
    expect((await json<{ items: unknown[] }>(await admin.get('/api/org/users?q=ok.person'))).items).toHaveLength(0)
  })

  it('names unknown and missing columns instead of ignoring them', async () => {
    const admin = await h.as('county.admin')
    const { report } = await json<{ report: Report }>(await upload(admin, 'posts', 'code,nmae,dept_code\nP1,x,OFF\n'))
    expect(report.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['未知的列：nmae', '缺少必需的列：name']))
  })

  it('checks without writing on a dry run', async () => {
    const admin = await h.as('county.admin')
    const before = await count(admin, '/api/org/departments')
    const response = await upload(admin, 'departments', 'code,name\nDRY-1,试运行\n', '?dryRun=true')
    expect(await json<Report>(response)).toMatchObject({ created: 1, errors: [] })
    expect(await count(admin, '/api/org/departments')).toBe(before)
  })

  it('does not let a user without admin rights import', async () => {
    const staff = await h.as('county.intake.1')
    expect((await upload(staff, 'departments', 'code,name\nX,Y\n')).status).toBe(403)
  })
})
