import { z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { departments, postBHolders, posts, users } from '../../../db/schema'
import { Code, Name } from '../schemas'
import { listCell, parseCsv } from './parse'
import { blankToNull, duplicates, validateRows } from './rows'
import type { ImportPlan } from './types'

const Row = z.object({
  code: Code,
  name: Name,
  dept_code: Code,
  a_username: z.preprocess(blankToNull, z.string().nullable()).default(null),
  /** Ordered: the first present B holder stands in for A. */
  b_usernames: z.string().default('').transform(listCell),
})

export const POST_COLUMNS = { required: ['code', 'name', 'dept_code'], optional: ['a_username', 'b_usernames'] } as const

/** Posts by code with their A holder and ordered B holders (AB岗). */
export async function planPosts(db: Db, unitId: string, text: string): Promise<ImportPlan> {
  const table = parseCsv(text, POST_COLUMNS.required, POST_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  errors.push(...table.errors, ...duplicates(valid, (row) => row.code, 'code'))
  const deptIdByCode = new Map(
    (await db.select({ id: departments.id, code: departments.code }).from(departments).where(eq(departments.unitId, unitId))).map((d) => [d.code, d.id]),
  )
  const userIdByName = new Map(
    (await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.unitId, unitId))).map((u) => [u.username.toLowerCase(), u.id]),
  )
  const existing = new Map((await db.select({ id: posts.id, code: posts.code }).from(posts).where(eq(posts.unitId, unitId))).map((p) => [p.code, p.id]))

  for (const { line, value } of valid) {
    if (!deptIdByCode.has(value.dept_code)) errors.push({ row: line, column: 'dept_code', message: `部门编码不存在：${value.dept_code}` })
    const holders = [...(value.a_username ? [value.a_username] : []), ...value.b_usernames]
    for (const name of holders) if (!userIdByName.has(name.toLowerCase())) errors.push({ row: line, column: name === value.a_username ? 'a_username' : 'b_usernames', message: `用户不存在：${name}` })
    if (new Set(holders.map((name) => name.toLowerCase())).size !== holders.length) errors.push({ row: line, column: 'b_usernames', message: 'A 岗和 B 岗不能是同一人，B 岗也不能重复' })
  }

  const created = valid.filter((row) => !existing.has(row.value.code)).length
  return {
    errors,
    rows: table.rows.length,
    created,
    updated: valid.length - created,
    async apply(tx) {
      for (const { value } of valid) {
        const id = existing.get(value.code) ?? newId()
        const fields = { name: value.name, deptId: deptIdByCode.get(value.dept_code)!, aUserId: value.a_username ? userIdByName.get(value.a_username.toLowerCase())! : null }
        await tx.insert(posts).values({ id, unitId, code: value.code, ...fields }).onConflictDoUpdate({ target: posts.id, set: fields })
        await tx.delete(postBHolders).where(eq(postBHolders.postId, id))
        if (value.b_usernames.length) {
          await tx.insert(postBHolders).values(value.b_usernames.map((name, rank) => ({ postId: id, userId: userIdByName.get(name.toLowerCase())!, rank })))
        }
      }
    },
  }
}
