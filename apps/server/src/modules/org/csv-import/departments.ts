import { z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { DEPARTMENT_KINDS, departments, users } from '../../../db/schema'
import { Code, Name } from '../schemas'
import { parseCsv, type RowError } from './parse'
import { blankToNull, duplicates, validateRows } from './rows'
import type { ImportPlan } from './types'

/** Chinese labels an administrator is likely to type in a spreadsheet, beside the codes. */
const KIND_LABELS: Record<string, (typeof DEPARTMENT_KINDS)[number]> = {
  领导: 'leadership', 科室: 'office', 窗口: 'window', 监察: 'supervision', 学院: 'college',
  班级: 'class', 教研室: 'teaching', 社团: 'club', 党组织: 'party', 其他: 'other',
}

const Row = z.object({
  code: Code,
  name: Name,
  parent_code: z.preprocess(blankToNull, Code.nullable()).default(null),
  kind: z.preprocess(
    (value) => blankToNull(value) ?? 'office',
    z.string().transform((value, ctx) => {
      const kind = KIND_LABELS[value] ?? DEPARTMENT_KINDS.find((known) => known === value)
      if (!kind) ctx.addIssue({ code: 'custom', message: `类型应为 ${Object.keys(KIND_LABELS).join('、')} 之一` })
      return kind ?? 'office'
    }),
  ),
  head_username: z.preprocess(blankToNull, z.string().nullable()).default(null),
  sort: z.preprocess((value) => blankToNull(value) ?? '0', z.coerce.number().int('排序须为整数').min(0)),
})

export const DEPARTMENT_COLUMNS = { required: ['code', 'name'], optional: ['parent_code', 'kind', 'head_username', 'sort'] } as const

/** Departments by code: new codes are created, known ones updated; parents may come later in the file. */
export async function planDepartments(db: Db, unitId: string, text: string): Promise<ImportPlan> {
  const table = parseCsv(text, DEPARTMENT_COLUMNS.required, DEPARTMENT_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  errors.push(...table.errors, ...duplicates(valid, (row) => row.code, 'code'))
  const existing = await db.select().from(departments).where(eq(departments.unitId, unitId))
  const unitUsers = await db.select({ id: users.id, username: users.username }).from(users).where(eq(users.unitId, unitId))
  const idByCode = new Map(existing.map((dept) => [dept.code, dept.id]))
  for (const row of valid) if (!idByCode.has(row.value.code)) idByCode.set(row.value.code, newId())
  const userIdByName = new Map(unitUsers.map((user) => [user.username.toLowerCase(), user.id]))

  const parentOf = new Map(existing.map((dept) => [dept.id, dept.parentId]))
  for (const { line, value } of valid) {
    if (value.parent_code && !idByCode.has(value.parent_code)) {
      errors.push({ row: line, column: 'parent_code', message: `上级部门编码不存在：${value.parent_code}` })
    }
    if (value.head_username && !userIdByName.has(value.head_username.toLowerCase())) {
      errors.push({ row: line, column: 'head_username', message: `负责人用户不存在：${value.head_username}（可先导入用户再补充）` })
    }
    parentOf.set(idByCode.get(value.code)!, value.parent_code ? (idByCode.get(value.parent_code) ?? null) : null)
  }
  errors.push(...cycles(valid, idByCode, parentOf))

  const creates = valid.filter((row) => !existing.some((dept) => dept.code === row.value.code)).length
  return {
    errors,
    rows: table.rows.length,
    created: creates,
    updated: valid.length - creates,
    async apply(tx) {
      for (const { value } of valid) {
        const fields = {
          name: value.name,
          kind: value.kind,
          parentId: value.parent_code ? idByCode.get(value.parent_code)! : null,
          headUserId: value.head_username ? userIdByName.get(value.head_username.toLowerCase())! : null,
          sort: value.sort,
        }
        await tx
          .insert(departments)
          .values({ id: idByCode.get(value.code)!, unitId, code: value.code, ...fields })
          .onConflictDoUpdate({ target: departments.id, set: fields })
      }
    },
  }
}

function cycles(
  rows: { line: number; value: { code: string } }[],
  idByCode: Map<string, string>,
  parentOf: Map<string, string | null>,
): RowError[] {
  const errors: RowError[] = []
  for (const { line, value } of rows) {
    const start = idByCode.get(value.code)!
    const seen = new Set<string>()
    for (let at: string | null | undefined = start; at; at = parentOf.get(at)) {
      if (seen.has(at)) {
        errors.push({ row: line, column: 'parent_code', message: '上级部门形成了循环' })
        break
      }
      seen.add(at)
    }
  }
  return errors
}
