import { z } from '@hono/zod-openapi'
import { inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dcEnrolments } from '../../../db/schema'
import { parseCsv } from '../../org/csv-import/parse'
import { duplicates, validateRows } from '../../org/csv-import/rows'
import type { ImportPlan } from '../../org/csv-import/types'
import { courseIdsByCode, NaturalKey, peopleByNo } from './lookups'

const Row = z.object({ course_code: NaturalKey, person_no: NaturalKey })

export const ENROLMENT_COLUMNS = { required: ['course_code', 'person_no'], optional: [] } as const

/** Who takes which course (选课): pairs are added; a pair already there is counted as unchanged. */
export async function planEnrolments(db: Db, unitId: string, text: string): Promise<ImportPlan> {
  const table = parseCsv(text, ENROLMENT_COLUMNS.required, ENROLMENT_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  errors.push(...table.errors, ...duplicates(valid, (row) => `${row.course_code}\u0000${row.person_no}`, 'person_no'))
  const [courses, people] = await Promise.all([courseIdsByCode(db, unitId), peopleByNo(db, unitId)])
  const pairs: { courseId: string; personId: string }[] = []
  for (const { line, value } of valid) {
    const courseId = courses.get(value.course_code)
    const personId = people.get(value.person_no)?.id
    if (!courseId) errors.push({ row: line, column: 'course_code', message: `课程编码不存在：${value.course_code}` })
    if (!personId) errors.push({ row: line, column: 'person_no', message: `人员编号不存在：${value.person_no}` })
    if (courseId && personId) pairs.push({ courseId, personId })
  }
  const courseIds = [...new Set(pairs.map((p) => p.courseId))]
  const existing = courseIds.length ? await db.select().from(dcEnrolments).where(inArray(dcEnrolments.courseId, courseIds)) : []
  const present = new Set(existing.map((e) => `${e.courseId}/${e.personId}`))
  const created = pairs.filter((p) => !present.has(`${p.courseId}/${p.personId}`)).length
  return {
    errors,
    rows: table.rows.length,
    created,
    updated: pairs.length - created,
    async apply(tx) {
      if (pairs.length) await tx.insert(dcEnrolments).values(pairs).onConflictDoNothing()
    },
  }
}
