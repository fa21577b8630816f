import { z } from '@hono/zod-openapi'
import { eq, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { departments, roleGrants, ROLES, userDepartments, users, type Role } from '../../../db/schema'
import { nationalFormat } from '../../../http/formats'
import { hashPassword, passwordProblem } from '../../auth/password'
import { Name } from '../schemas'
import { listCell, parseCsv } from './parse'
import { blankToNull, duplicates, validateRows } from './rows'
import type { ImportPlan } from './types'

const ROLE_LABELS: Record<string, Role> = {
  单位管理员: 'unit_admin', 大厅管理员: 'hall_admin', 窗口人员: 'window_staff', 审批人: 'approver', 申请人: 'applicant',
}

const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToNull, schema.nullable()).default(null)

const Row = z.object({
  username: z.string().trim().min(2, '用户名至少 2 位').max(64).regex(/^[A-Za-z0-9_.@-]+$/, '用户名只能包含字母、数字和 _ . @ -'),
  display_name: Name,
  dept_codes: z.string().default('').transform(listCell),
  email: optional(nationalFormat('email')),
  phone: optional(nationalFormat('mobile')),
  id_number: optional(nationalFormat('idCard')),
  /** `approver|window_staff@W01`: a role, optionally limited to a department by its code. */
  roles: z.string().default('').transform((cell, ctx) =>
    listCell(cell).map((entry) => {
      const [name = '', deptCode = null] = entry.split('@')
      const role = ROLE_LABELS[name] ?? ROLES.find((known) => known === name)
      if (!role || role === 'platform_admin') ctx.addIssue({ code: 'custom', message: `未知或不可导入的角色：${name}` })
      return { role: role ?? 'applicant', deptCode }
    }),
  ),
  password: optional(z.string().max(128)),
})

export const USER_COLUMNS = {
  required: ['username', 'display_name'],
  optional: ['dept_codes', 'email', 'phone', 'id_number', 'roles', 'password'],
} as const

/**
 * Users by user name: new names are created, this unit's known names updated (departments
 * replaced, roles added). A name taken in another unit is an error, never a takeover.
 */
export async function planUsers(db: Db, unitId: string, text: string, mayGrant: (role: Role, deptId: string | null) => Promise<boolean>): Promise<ImportPlan> {
  const table = parseCsv(text, USER_COLUMNS.required, USER_COLUMNS.optional)
  const { valid, errors } = validateRows(table, Row)
  errors.push(...table.errors, ...duplicates(valid, (row) => row.username, 'username'))
  const deptIdByCode = new Map(
    (await db.select({ id: departments.id, code: departments.code }).from(departments).where(eq(departments.unitId, unitId))).map((d) => [d.code, d.id]),
  )
  const names = valid.map((row) => row.value.username.toLowerCase())
  const known = names.length
    ? await db.select({ id: users.id, unitId: users.unitId, username: users.username }).from(users).where(sql`lower(${users.username}) in ${names}`)
    : []
  const knownByName = new Map(known.map((user) => [user.username.toLowerCase(), user]))

  for (const { line, value } of valid) {
    const other = knownByName.get(value.username.toLowerCase())
    if (other && other.unitId !== unitId) errors.push({ row: line, column: 'username', message: '用户名已被其他单位使用' })
    for (const code of value.dept_codes) if (!deptIdByCode.has(code)) errors.push({ row: line, column: 'dept_codes', message: `部门编码不存在：${code}` })
    for (const { role, deptCode } of value.roles) {
      if (deptCode && !deptIdByCode.has(deptCode)) errors.push({ row: line, column: 'roles', message: `部门编码不存在：${deptCode}` })
      else if (!(await mayGrant(role, deptCode ? deptIdByCode.get(deptCode)! : null))) errors.push({ row: line, column: 'roles', message: `无权授予角色：${role}` })
    }
    const problem = value.password && passwordProblem(value.password, value.username)
    if (problem) errors.push({ row: line, column: 'password', message: problem })
  }

  const created = valid.filter((row) => !knownByName.has(row.value.username.toLowerCase())).length
  return {
    errors,
    rows: table.rows.length,
    created,
    updated: valid.length - created,
    async apply(tx) {
      for (const { value } of valid) {
        const id = knownByName.get(value.username.toLowerCase())?.id ?? newId()
        const fields = { displayName: value.display_name, email: value.email, phone: value.phone, idNumber: value.id_number }
        const password = value.password ? { passwordHash: await hashPassword(value.password), mustChangePassword: true } : {}
        await tx
          .insert(users)
          .values({ id, unitId, username: value.username, ...fields, ...password })
          .onConflictDoUpdate({ target: users.id, set: { ...fields, ...password, updatedAt: new Date() } })
        if (value.dept_codes.length) {
          await tx.delete(userDepartments).where(eq(userDepartments.userId, id))
          await tx.insert(userDepartments).values(value.dept_codes.map((code, index) => ({ userId: id, deptId: deptIdByCode.get(code)!, isPrimary: index === 0 })))
        }
        for (const { role, deptCode } of value.roles) {
          await tx
            .insert(roleGrants)
            .values({ id: newId(), unitId, userId: id, role, deptId: deptCode ? deptIdByCode.get(deptCode)! : null })
            .onConflictDoNothing()
        }
      }
    },
  }
}
