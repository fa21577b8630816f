import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { departments, posts, userDepartments, users, type DEPARTMENT_KINDS } from '../../../db/schema'
import type { Actor, RequestMeta } from '../../../http/context'
import { badInput, conflict, notFound } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertCanManage, assertCanRead, assertUnitVisible, subtree } from '../access'

export interface DepartmentInput {
  code: string
  name: string
  kind: (typeof DEPARTMENT_KINDS)[number]
  parentId: string | null
  headUserId: string | null
  sort: number
}

export async function listDepartments(db: Db, actor: Actor, unitId: string) {
  assertCanRead(actor, unitId)
  return db.select().from(departments).where(eq(departments.unitId, unitId)).orderBy(asc(departments.sort), asc(departments.code))
}

/** A department the actor can see, or 404 (also for other units' departments). */
export async function getDepartment(db: Db, actor: Actor, id: string) {
  const [row] = await db.select().from(departments).where(eq(departments.id, id))
  if (!row) throw notFound('部门', id)
  assertUnitVisible(actor, row.unitId)
  return row
}

/** Parent and head must be in the same unit; a department cannot move under its own subtree. */
async function checkReferences(db: Db, unitId: string, input: Partial<DepartmentInput>, selfId?: string) {
  if (input.parentId) {
    const [parent] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, input.parentId), eq(departments.unitId, unitId)))
    if (!parent) throw badInput({ parentId: '上级部门不存在' })
    if (selfId && (await subtree(db, unitId, selfId)).has(input.parentId)) {
      throw badInput({ parentId: '不能把部门移到它自己或其下级部门之下' })
    }
  }
  if (input.headUserId) {
    const [head] = await db
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.id, input.headUserId), eq(users.unitId, unitId)))
    if (!head) throw badInput({ headUserId: '负责人不存在' })
  }
}

async function assertCodeFree(db: Db, unitId: string, code: string, selfId?: string) {
  const [clash] = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.unitId, unitId), eq(departments.code, code)))
  if (clash && clash.id !== selfId) throw conflict('DUPLICATE_CODE', `部门编码已存在：${code}`, { code: '编码已存在' })
}

export async function createDepartment(db: Db, actor: Actor, meta: RequestMeta, unitId: string, input: DepartmentInput) {
  // A department admin creates inside their subtree: the new department's parent decides.
  await assertCanManage(db, actor, unitId, input.parentId)
  await checkReferences(db, unitId, input)
  await assertCodeFree(db, unitId, input.code)
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(departments).values({ id: newId(), unitId, ...input }).returning()
    await audit(tx, { actor, meta }, { action: 'department.created', objectType: 'department', objectId: row!.id, unitId, detail: { ...input } })
    return row!
  })
}

export async function updateDepartment(db: Db, actor: Actor, meta: RequestMeta, id: string, input: Partial<DepartmentInput>) {
  const current = await getDepartment(db, actor, id)
  await assertCanManage(db, actor, current.unitId, current.id)
  if (input.parentId !== undefined) await assertCanManage(db, actor, current.unitId, input.parentId)
  await checkReferences(db, current.unitId, input, id)
  if (input.code) await assertCodeFree(db, current.unitId, input.code, id)
  return db.transaction(async (tx) => {
    const [row] = await tx.update(departments).set(input).where(eq(departments.id, id)).returning()
    await audit(tx, { actor, meta }, { action: 'department.updated', objectType: 'department', objectId: id, unitId: current.unitId, detail: { ...input } })
    return row!
  })
}

/** Only an empty department may go: no sub-departments, members or posts (nothing is orphaned). */
export async function deleteDepartment(db: Db, actor: Actor, meta: RequestMeta, id: string) {
  const current = await getDepartment(db, actor, id)
  await assertCanManage(db, actor, current.unitId, current.id)
  const [children, members, postCount] = await Promise.all([
    db.$count(departments, eq(departments.parentId, id)),
    db.$count(userDepartments, eq(userDepartments.deptId, id)),
    db.$count(posts, eq(posts.deptId, id)),
  ])
  if (children || members || postCount) {
    throw conflict('DEPARTMENT_NOT_EMPTY', `部门仍有 ${children} 个下级部门、${members} 名成员、${postCount} 个岗位，不能删除`)
  }
  await db.transaction(async (tx) => {
    await tx.delete(departments).where(eq(departments.id, id))
    await audit(tx, { actor, meta }, { action: 'department.deleted', objectType: 'department', objectId: id, unitId: current.unitId, detail: { code: current.code, name: current.name } })
  })
}
