import { eq } from 'drizzle-orm'
import { z } from '@hono/zod-openapi'
import type { Db } from '../../../db/client'
import { dcCourses, dcPeople, departments, users } from '../../../db/schema'
import { blankToNull } from '../../org/csv-import/rows'

/** Natural keys of the unit's records, to resolve the codes a file refers to. */
export async function deptIdsByCode(db: Db, unitId: string) {
  const rows = await db.select({ id: departments.id, code: departments.code }).from(departments).where(eq(departments.unitId, unitId))
  return new Map(rows.map((row) => [row.code, row.id]))
}

export async function userIdsByName(db: Db, unitId: string) {
  const rows = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.unitId, unitId))
  return new Map(rows.map((row) => [row.username.toLowerCase(), row.id]))
}

export async function peopleByNo(db: Db, unitId: string) {
  const rows = await db.select({ id: dcPeople.id, personNo: dcPeople.personNo, userId: dcPeople.userId }).from(dcPeople).where(eq(dcPeople.unitId, unitId))
  return new Map(rows.map((row) => [row.personNo, row]))
}

export async function courseIdsByCode(db: Db, unitId: string) {
  const rows = await db.select({ id: dcCourses.id, code: dcCourses.code }).from(dcCourses).where(eq(dcCourses.unitId, unitId))
  return new Map(rows.map((row) => [row.code, row.id]))
}

/** An optional cell: blank is null, anything else must pass `schema`. */
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable()).default(null)

/** 学号/工号/课程编码…: what a spreadsheet holds, without spaces around it. */
export const NaturalKey = z.string().trim().min(1, '不能为空').max(64, '最多 64 个字符')
