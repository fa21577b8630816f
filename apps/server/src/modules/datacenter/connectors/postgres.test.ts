import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import postgres from 'postgres'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dcPeople, users } from '../../../db/schema'
import { testDatabases } from '../../../../test/databases'
import { json, useHarness } from '../../../../test/harness'
import { createConnector, prefill } from './fixtures'

const externalUrl = process.env.TEST_DATABASE_URL

describe.skipIf(!externalUrl)('external PostgreSQL connector (needs TEST_DATABASE_URL)', () => {
  /** The "student information system": a scratch schema on the local PostgreSQL. */
  const schema = `ext_sis_${randomBytes(4).toString('hex')}`
  const admin = postgres(externalUrl ?? 'postgres://unset', { max: 1, onnotice: () => {} })

  beforeAll(async () => {
    await admin.unsafe(`
      create schema ${schema};
      create table ${schema}.students (student_no text primary key, dorm text, gpa numeric(3,2), enrolled date, graduated boolean);
      insert into ${schema}.students values ('2023001', '桃园 3-402', 3.62, '2023-09-01', false), ('2023002', '李园 1-101', 3.10, '2023-09-02', false);
      create sequence ${schema}.tickets;`)
  })
  afterAll(async () => {
    await admin.unsafe(`drop schema ${schema} cascade`)
    await admin.end()
  })

  const connector = (code: string, query: string, timeoutMs = 5000) => ({
    code,
    name: `学籍库 ${code}`,
    config: { kind: 'postgres', url: externalUrl, query, timeoutMs },
    outputs: [
      { source: 'dorm', name: 'dorm', label: '宿舍', type: 'string' },
      { source: 'gpa', name: 'gpa', label: '绩点', type: 'number' },
      { source: 'enrolled', name: 'enrolled', label: '入学日期', type: 'date' },
    ],
  })
  const byNumber = `select dorm, gpa, enrolled from ${schema}.students where student_no = :userNo`

  describe.each(testDatabases)('with hall on $name', (kind) => {
    const h = useHarness(kind)

    it("pre-fills each student's own row with typed values, and nobody else's", async () => {
      await createConnector(await h.as('univ.admin'), connector('sis', byNumber))
      const fields = { dorm: 'dc:ext.sis.dorm', gpa: 'dc:ext.sis.gpa', enrolled: 'dc:ext.sis.enrolled' }
      expect(await prefill(await h.as('stu.2023001'), fields)).toEqual({ values: { dorm: '桃园 3-402', gpa: 3.62, enrolled: '2023-09-01' }, failures: [] })
      expect((await prefill(await h.as('stu.2023002'), fields)).values).toEqual({ dorm: '李园 1-101', gpa: 3.1, enrolled: '2023-09-02' })
      const stranger = await prefill(await h.as('stu.2023003'), fields)
      expect(stranger.values).toEqual({})
      expect(stranger.failures.map((f) => f.notice)).toEqual(['无法预填「宿舍」：没有找到数据', '无法预填「绩点」：没有找到数据', '无法预填「入学日期」：没有找到数据'])
    })

    it('binds a number crafted as SQL injection as plain text: no row, and the table is untouched', async () => {
      await createConnector(await h.as('univ.admin'), connector('sis_inj', byNumber))
      const [account] = await h.database.db.select({ id: users.id }).from(users).where(eq(users.username, 'stu.2023004'))
      await h.database.db.update(dcPeople).set({ personNo: "x' or '1'='1'; drop table students; --" }).where(eq(dcPeople.userId, account!.id))
      const { values, failures } = await prefill(await h.as('stu.2023004'), { dorm: 'dc:ext.sis_inj.dorm' })
      expect(values).toEqual({})
      expect(failures[0]?.reason).toBe('NOT_FOUND')
      expect((await admin.unsafe(`select count(*)::int as n from ${schema}.students`))[0]).toEqual({ n: 2 })
    })

    it('stops a slow query at its timeout and says so on the field', async () => {
      await createConnector(await h.as('univ.admin'), connector('sis_slow', `select dorm, gpa, enrolled from ${schema}.students, pg_sleep(5) where student_no = :userNo`, 150))
      const { failures } = await prefill(await h.as('stu.2023001'), { dorm: 'dc:ext.sis_slow.dorm' })
      expect(failures.map((f) => f.notice)).toEqual(['无法预填「宿舍」：学籍库 sis_slow：超时（超过 150 毫秒没有结果）'])
    })

    it('runs read-only: a query that would write (nextval) is refused by the database', async () => {
      await createConnector(await h.as('univ.admin'), connector('sis_write', `select nextval('${schema}.tickets')::text as dorm, 1 as gpa, now() as enrolled where :userNo <> ''`))
      const { failures } = await prefill(await h.as('stu.2023001'), { dorm: 'dc:ext.sis_write.dorm' })
      expect(failures[0]?.notice).toContain('查询试图写入数据，已按只读拒绝')
      expect((await admin.unsafe(`select last_value::int as v, is_called from ${schema}.tickets`))[0]).toEqual({ v: 1, is_called: false })
    })

    it('shows IT staff a column the query does not return, an unreachable database, and a wrong type', async () => {
      const unitAdmin = await h.as('univ.admin')
      const missing = await createConnector(unitAdmin, connector('sis_cols', `select dorm as room, 'n/a' as gpa, enrolled from ${schema}.students where student_no = :userNo`))
      expect(await json(await unitAdmin.post(`/api/datacenter/connectors/${missing.id}/test`, { username: 'stu.2023001' }))).toMatchObject({
        ok: true,
        values: [{ error: '查询结果中没有列 dorm' }, { error: '类型不符：应为 number，实际为 "n/a"' }, { value: '2023-09-01' }],
      })
      const url = new URL(externalUrl!)
      url.port = '1'
      const down = await createConnector(unitAdmin, { ...connector('sis_down', byNumber), config: { kind: 'postgres', url: url.toString(), query: byNumber, timeoutMs: 2000 } })
      const result = await json<{ ok: boolean; error: string }>(await unitAdmin.post(`/api/datacenter/connectors/${down.id}/test`, { username: 'stu.2023001' }))
      expect(result).toMatchObject({ ok: false, error: '无法连接数据库（ECONNREFUSED）' })
    })
  })
})
