import { z } from '@hono/zod-openapi'
import { newId } from '../../../db/ids'
import { dcPeople, PERSON_KINDS } from '../../../db/schema'
import type { Db } from '../../../db/client'
import { nationalFormat } from '../../../http/formats'
import { parseCsv } from '../../org/csv-import/parse'
import { duplicates, validateRows } from '../../org/csv-import/rows'
import type { ImportPlan } from '../../org/csv-import/types'
import { Name } from '../../org/schemas'
import { deptIdsByCode, NaturalKey, optional, peopleByNo, userIdsByName } from './lookups'

const KIND_LABELS: Record<string, (typeof PERSON_KINDS)[number]> = { 学生: 'student', 教师: 'teacher', 职工: 'staff', 群众: 'citizen' }
/** Stored as the gender code table's codes (GB/T 2261.1: 1 男, 2 女). */
const GENDERS: Record<string, string> = { 男: '1', 女: '2', '1': '1', '2': '2' }

const Row = z.object({
  person_no: NaturalKey,
  name: Name,
  kind: z.string().transform((value, ctx) => {
    const kind = KIND_LABELS[value] ?? PERSON_KINDS.find((known) => known === value)
    if (!kind) ctx.addIssue({ code: 'custom', message: '人员类别应为 学生、教师、职工、群众 之一' })
    return kind ?? 'student'
  }),
  gender: optional(
    z.string().transform((value, ctx) => {
      if (!GENDERS[value]) ctx.addIssue({ code: 'custom', message: '性别应为 男、女（或 1、2）' })
      return GENDERS[value] ?? null
    }),
  ),
  id_number: optional(nationalFormat('idCard')),
  phone: optional(nationalFormat('mobile')),
  email: optional(nationalFormat('email')),
  dept_code: optional(z.string().trim()),
  class_code: optional(z.string().trim()),
  counsellor_username: optional(z.string().trim()),
  username: optional(z.string().trim()),
  title: optional(z.string().trim().max(100)),
  enrol_year: optional(z.coerce.number({ error: '入学年份须为数字' }).int('入学年份须为整数').min(1900, '入学年份不合理').max(2100, '入学年份不合理')),
})

export const PEOPLE_COLUMNS = {
  required: ['person_no', 'name', 'kind'],
  optional: ['gender', 'id_number', 'phone', 'email', 'dept_code', 'class_code', 'counsellor_username', 'username', 'title', 'enrol_year'],
} as const

/**
 * People (学生、教职工…) by person number within the unit: new numbers are created, known ones
 * updated (every column replaced), so importing the same file twice changes nothing.
 */
export async function planPeople(db: Db, unitId: string, text: string): Promise<ImportPlan> {
  const table = parseCsv(text, PEOPLE_COLUMNS.required, PEOPLE_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  errors.push(...table.errors, ...duplicates(valid, (row) => row.person_no, 'person_no'))
  errors.push(...duplicates(valid.filter((row) => row.value.username), (value) => value.username!, 'username'))
  const [depts, accounts, known] = await Promise.all([deptIdsByCode(db, unitId), userIdsByName(db, unitId), peopleByNo(db, unitId)])
  const personNoOfUser = new Map([...known.values()].filter((p) => p.userId).map((p) => [p.userId!, p.personNo]))

  const check = (line: number, column: string, ok: boolean, message: string) => {
    if (!ok) errors.push({ row: line, column, message })
  }
  for (const { line, value } of valid) {
    if (value.dept_code) check(line, 'dept_code', depts.has(value.dept_code), `部门编码不存在：${value.dept_code}`)
    if (value.class_code) check(line, 'class_code', depts.has(value.class_code), `班级编码不存在：${value.class_code}`)
    if (value.counsellor_username) check(line, 'counsellor_username', accounts.has(value.counsellor_username.toLowerCase()), `辅导员账号不存在：${value.counsellor_username}`)
    if (value.username) {
      const userId = accounts.get(value.username.toLowerCase())
      const linked = userId && personNoOfUser.get(userId)
      if (!userId) errors.push({ row: line, column: 'username', message: `账号不存在：${value.username}` })
      else if (linked && linked !== value.person_no) errors.push({ row: line, column: 'username', message: `该账号已关联人员 ${linked}` })
    }
  }

  const columns = new Set(Object.keys(table.rows[0]?.values ?? {}))
  const created = valid.filter((row) => !known.has(row.value.person_no)).length
  return {
    errors,
    rows: table.rows.length,
    created,
    updated: valid.length - created,
    async apply(tx) {
      for (const { value } of valid) {
        const byColumn = {
          kind: { kind: value.kind },
          name: { name: value.name },
          gender: { gender: value.gender },
          id_number: { idNumber: value.id_number },
          phone: { phone: value.phone },
          email: { email: value.email },
          dept_code: { deptId: value.dept_code ? depts.get(value.dept_code)! : null },
          class_code: { classDeptId: value.class_code ? depts.get(value.class_code)! : null },
          counsellor_username: { counsellorUserId: value.counsellor_username ? accounts.get(value.counsellor_username.toLowerCase())! : null },
          username: { userId: value.username ? accounts.get(value.username.toLowerCase())! : null },
          title: { title: value.title },
          enrol_year: { enrolYear: value.enrol_year },
        }
        // A column left out of the file keeps what is stored; a blank cell clears it.
        const set = Object.assign({}, ...Object.entries(byColumn).filter(([column]) => columns.has(column)).map(([, field]) => field)) as Partial<typeof dcPeople.$inferInsert>
        const id = known.get(value.person_no)?.id ?? newId()
        await tx
          .insert(dcPeople)
          .values({ id, unitId, personNo: value.person_no, ...Object.assign({}, ...Object.values(byColumn)) as Omit<typeof dcPeople.$inferInsert, 'id' | 'unitId' | 'personNo'> })
          .onConflictDoUpdate({ target: dcPeople.id, set })
      }
    },
  }
}
