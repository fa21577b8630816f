import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { dcPeople, units } from '../../../db/schema'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness, type UserClient } from '../../../../test/harness'

interface Report { rows: number; valid: number; invalid: number; created: number; updated: number; errors: { row: number; column: string; message: string }[] }

const upload = (client: UserClient, kind: string, csv: string, query = '') =>
  client.request('POST', `/api/datacenter/import/${kind}${query}`, csv, { 'content-type': 'text/csv' })

const PEOPLE =
  '\uFEFFperson_no,name,kind,gender,id_number,phone,dept_code,class_code,counsellor_username,enrol_year\n' +
  '2024001,赵新,学生,男,340104200503150197,13956002001,CS,CS2301,cs.counsellor,2024\n' +
  '2023001,李明,student,1,340104200503150197,13956001001,CS,CS2301,cs.counsellor,2023\n'

describe.each(testDatabases)('data-center CSV import on $name', (kind) => {
  const h = useHarness(kind)
  const peopleNamed = async (personNo: string) => h.database.db.select().from(dcPeople).where(eq(dcPeople.personNo, personNo))

  it('checks a file in a dry run, imports it by person number, and re-importing it changes nothing', async () => {
    const admin = await h.as('univ.admin')
    const dry = await upload(admin, 'people', PEOPLE, '?dryRun=true')
    expect(await json<Report>(dry)).toMatchObject({ rows: 2, valid: 2, invalid: 0, created: 1, updated: 1, errors: [] })
    expect(await peopleNamed('2024001')).toEqual([])

    expect(await json<Report>(await upload(admin, 'people', PEOPLE))).toMatchObject({ created: 1, updated: 1 })
    const [created] = await peopleNamed('2024001')
    expect(created).toMatchObject({ name: '赵新', kind: 'student', gender: '1', enrolYear: 2024 })
    expect(await json<Report>(await upload(admin, 'people', PEOPLE))).toMatchObject({ created: 0, updated: 2 })
    expect(await peopleNamed('2024001')).toHaveLength(1)
    // The file has no username column, so 李明 keeps his account link and still pre-fills.
    const { values } = await json<{ values: Record<string, unknown> }>(
      await (await h.as('stu.2023001')).post('/api/datacenter/prefill', { schema: { type: 'object', properties: { name: { type: 'string', 'x-prefill': 'dc:person.name' } } } }),
    )
    expect(values).toEqual({ name: '李明' })
  })

  it('rejects the whole file with every problem in Chinese by row and column, and imports nothing', async () => {
    const admin = await h.as('univ.admin')
    const response = await upload(
      admin,
      'people',
      'person_no,name,kind,id_number,dept_code\n' +
        'B001,甲,学生,340104200503150198,CS\n' +
        'B002,乙,student,,NOPE\n' +
        'B002,丙,外星人,,CS\n' +
        'B004,丁,teacher,,CS\n',
    )
    expect(response.status).toBe(400)
    const { error, report } = await json<{ error: { code: string; message: string }; report: Report }>(response)
    expect(error.code).toBe('IMPORT_INVALID')
    expect(report).toMatchObject({ rows: 4, valid: 1, invalid: 3, created: 0 })
    expect(report.errors.map((e) => `${e.row}:${e.column}:${e.message}`)).toEqual([
      '2:id_number:身份证号码校验位不正确，请核对是否输错',
      '3:dept_code:部门编码不存在：NOPE',
      '4:kind:人员类别应为 学生、教师、职工、群众 之一',
    ])
    expect(await peopleNamed('B004')).toEqual([])
  })

  it('reports a repeated person number and an account already linked to someone else', async () => {
    const admin = await h.as('univ.admin')
    const { report } = await json<{ report: Report }>(
      await upload(admin, 'people', 'person_no,name,kind,username\nC001,甲,学生,\nC001,乙,学生,\nC003,丙,学生,stu.2023002\n'),
    )
    expect(report.errors.map((e) => `${e.row}:${e.column}:${e.message}`)).toEqual(['3:person_no:与第 2 行重复', '4:username:该账号已关联人员 2023002'])
  })

  it('imports courses with their teacher, enrolments by course code and person number, and code tables', async () => {
    const admin = await h.as('univ.admin')
    const courses = await upload(admin, 'courses', 'code,name,teacher_no,dept_code,credits,room,schedule\nCS201,数据结构,T1003,CS,3.5,理科楼 301,周三 1-2节\n')
    expect(await json<Report>(courses)).toMatchObject({ created: 1, errors: [] })
    const enrol = 'course_code,person_no\nCS201,2023001\nCS201,2023002\n'
    expect(await json<Report>(await upload(admin, 'enrolments', enrol))).toMatchObject({ created: 2, updated: 0 })
    expect(await json<Report>(await upload(admin, 'enrolments', enrol))).toMatchObject({ created: 0, updated: 2 })
    const wrong = await json<{ report: Report }>(await upload(admin, 'enrolments', 'course_code,person_no\nNOPE101,2023001\nCS201,9999999\n'))
    expect(wrong.report.errors.map((e) => e.message)).toEqual(['课程编码不存在：NOPE101', '人员编号不存在：9999999'])

    const codes = 'table_code,code,label,parent_code,sort\ndorm,B2,二号楼,TY,2\ndorm,TY,桃园,,1\n'
    expect(await json<Report>(await upload(admin, 'codes', codes))).toMatchObject({ created: 2 })
    const { items } = await json<{ items: unknown[] }>(await (await h.as('stu.2023001')).get('/api/datacenter/codes/dorm'))
    expect(items).toEqual([{ value: 'TY', label: '桃园', parent: null }, { value: 'B2', label: '二号楼', parent: 'TY' }])
    const orphan = await json<{ report: Report }>(await upload(admin, 'codes', 'table_code,code,label,parent_code\ndorm,B9,九号楼,LY\n'))
    expect(orphan.report.errors[0]?.message).toBe('上级代码在代码表 dorm 中不存在：LY')
  })

  it('is for the unit’s admins only and audited', async () => {
    expect((await upload(await h.as('stu.2023001'), 'codes', 'table_code,code,label\nx,1,一\n')).status).toBe(403)
    const [university] = await h.database.db.select({ id: units.id }).from(units).where(eq(units.code, 'univ'))
    expect((await upload(await h.as('county.admin'), 'codes', 'table_code,code,label\nx,1,一\n', `?unitId=${university!.id}`)).status).toBe(404)
    const admin = await h.as('univ.admin')
    await upload(admin, 'codes', 'table_code,code,label\naudited,1,一\n')
    const { items } = await json<{ items: { objectType: string; detail: { created: number } }[] }>(await admin.get('/api/audit?action=datacenter.imported'))
    expect(items[0]).toMatchObject({ objectType: 'codes', detail: { created: 1 } })
  })
})
