import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { dcCourses } from '../../../db/schema'
import { parseCsv } from '../../org/csv-import/parse'
import { duplicates, validateRows } from '../../org/csv-import/rows'
import type { ImportPlan } from '../../org/csv-import/types'
import { Code, Name } from '../../org/schemas'
import { courseIdsByCode, deptIdsByCode, optional, peopleByNo } from './lookups'

const Row = z.object({
  code: Code,
  name: Name,
  teacher_no: optional(z.string().trim()),
  dept_code: optional(z.string().trim()),
  credits: optional(z.coerce.number({ error: '学分须为数字' }).min(0, '学分不能为负').max(99.9, '学分不合理')),
  room: optional(z.string().trim().max(100)),
  schedule: optional(z.string().trim().max(200)),
})

export const COURSE_COLUMNS = { required: ['code', 'name'], optional: ['teacher_no', 'dept_code', 'credits', 'room', 'schedule'] } as const

/** Courses by course code within the unit; the teacher is named by person number (import people first). */
export async function planCourses(db: Db, unitId: string, text: string): Promise<ImportPlan> {
  const table = parseCsv(text, COURSE_COLUMNS.required, COURSE_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  errors.push(...table.errors, ...duplicates(valid, (row) => row.code, 'code'))
  const [depts, people, known] = await Promise.all([deptIdsByCode(db, unitId), peopleByNo(db, unitId), courseIdsByCode(db, unitId)])
  for (const { line, value } of valid) {
    if (value.teacher_no && !people.has(value.teacher_no)) errors.push({ row: line, column: 'teacher_no', message: `教师工号不存在：${value.teacher_no}` })
    if (value.dept_code && !depts.has(value.dept_code)) errors.push({ row: line, column: 'dept_code', message: `部门编码不存在：${value.dept_code}` })
  }
  const created = valid.filter((row) => !known.has(row.value.code)).length
  return {
    errors,
    rows: table.rows.length,
    created,
    updated: valid.length - created,
    async apply(tx) {
      for (const { value } of valid) {
        const fields = {
          name: value.name,
          teacherPersonId: value.teacher_no ? people.get(value.teacher_no)!.id : null,
          deptId: value.dept_code ? depts.get(value.dept_code)! : null,
          credits: value.credits === null ? null : String(value.credits),
          room: value.room,
          schedule: value.schedule,
        }
        await tx
          .insert(dcCourses)
          .values({ id: known.get(value.code) ?? newId(), unitId, code: value.code, ...fields })
          .onConflictDoUpdate({ target: dcCourses.id, set: fields })
      }
    },
  }
}
