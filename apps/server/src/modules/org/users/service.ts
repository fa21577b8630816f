import { randomInt } from 'node:crypto'
import { maskValue } from '@hall/form-schema'
import { and, asc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { departments, sessions, userDepartments, users } from '../../../db/schema'
import type { Actor, RequestMeta } from '../../../http/context'
import { badInput, conflict, notFound } from '../../../http/errors'
import { audit } from '../../audit/record'
import { hashPassword, passwordProblem } from '../../auth/password'
import { assertCanManage, assertCanRead, assertUnitVisible, holdsRole } from '../access'

export interface UserInput {
  username: string
  displayName: string
  email: string | null
  phone: string | null
  idNumber: string | null
  /** Department ids; the first is the primary one. */
  deptIds: string[]
  password?: string
}

export type UserPatch = Partial<Omit<UserInput, 'username' | 'password'>> & { status?: 'active' | 'disabled' }

type UserRow = typeof users.$inferSelect

/** What a reader sees: no hash ever; ID number and phone masked unless the reader manages the unit. */
function present(row: UserRow, deptIds: string[], full: boolean) {
  return {
    id: row.id,
    unitId: row.unitId,
    username: row.username,
    displayName: row.displayName,
    email: row.email,
    phone: full || !row.phone ? row.phone : String(maskValue('phone', row.phone)),
    idNumber: full || !row.idNumber ? row.idNumber : String(maskValue('idCard', row.idNumber)),
    status: row.status,
    mustChangePassword: row.mustChangePassword,
    hasPassword: row.passwordHash !== null,
    deptIds,
  }
}

async function deptIdsOf(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>()
  if (!userIds.length) return byUser
  const rows = await db
    .select()
    .from(userDepartments)
    .where(inArray(userDepartments.userId, userIds))
    .orderBy(sql`${userDepartments.isPrimary} desc`)
  for (const row of rows) byUser.set(row.userId, [...(byUser.get(row.userId) ?? []), row.deptId])
  return byUser
}

export async function listUsers(
  db: Db,
  actor: Actor,
  unitId: string,
  query: { q?: string; deptId?: string; limit: number; offset: number },
) {
  assertCanRead(actor, unitId)
  const filters: (SQL | undefined)[] = [eq(users.unitId, unitId)]
  if (query.q) {
    const pattern = `%${query.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    filters.push(or(ilike(users.username, pattern), ilike(users.displayName, pattern)))
  }
  if (query.deptId) {
    filters.push(inArray(users.id, db.select({ id: userDepartments.userId }).from(userDepartments).where(eq(userDepartments.deptId, query.deptId))))
  }
  const where = and(...filters)
  const [rows, total] = await Promise.all([
    db.select().from(users).where(where).orderBy(asc(users.username)).limit(query.limit).offset(query.offset),
    db.$count(users, where),
  ])
  const full = await holdsRole(db, actor, ['unit_admin'], unitId)
  const depts = await deptIdsOf(db, rows.map((row) => row.id))
  return { total, items: rows.map((row) => present(row, depts.get(row.id) ?? [], full)) }
}

async function loadUser(db: Db, actor: Actor, id: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, id))
  if (!row) throw notFound('用户', id)
  assertUnitVisible(actor, row.unitId)
  return row
}

export async function getUser(db: Db, actor: Actor, id: string) {
  const row = await loadUser(db, actor, id)
  if (row.id !== actor.userId) assertCanRead(actor, row.unitId)
  const full = row.id === actor.userId || (await holdsRole(db, actor, ['unit_admin'], row.unitId))
  return present(row, (await deptIdsOf(db, [row.id])).get(row.id) ?? [], full)
}

async function checkDepartments(db: Db, unitId: string, deptIds: string[]) {
  if (new Set(deptIds).size !== deptIds.length) throw badInput({ deptIds: '部门重复' })
  if (!deptIds.length) return
  const found = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.unitId, unitId), inArray(departments.id, deptIds)))
  const missing = deptIds.filter((id) => !found.some((row) => row.id === id))
  if (missing.length) throw badInput({ deptIds: `部门不存在：${missing.join('，')}` })
}

async function assertUsernameFree(db: Db, username: string) {
  const [clash] = await db.select({ id: users.id }).from(users).where(sql`lower(${users.username}) = ${username.toLowerCase()}`)
  if (clash) throw conflict('DUPLICATE_USERNAME', `用户名已被使用：${username}`, { username: '用户名已被使用' })
}

async function setDepartments(db: Db, userId: string, deptIds: string[]) {
  await db.delete(userDepartments).where(eq(userDepartments.userId, userId))
  if (deptIds.length) {
    await db.insert(userDepartments).values(deptIds.map((deptId, index) => ({ userId, deptId, isPrimary: index === 0 })))
  }
}

/** Creates a user; a department admin may only place users inside their own subtree. */
export async function createUser(db: Db, actor: Actor, meta: RequestMeta, unitId: string, input: UserInput) {
  await assertCanManage(db, actor, unitId, input.deptIds[0] ?? null)
  for (const deptId of input.deptIds) await assertCanManage(db, actor, unitId, deptId)
  await checkDepartments(db, unitId, input.deptIds)
  await assertUsernameFree(db, input.username)
  if (input.password) {
    const problem = passwordProblem(input.password, input.username)
    if (problem) throw badInput({ password: problem })
  }
  const passwordHash = input.password ? await hashPassword(input.password) : null
  return db.transaction(async (tx) => {
    const { deptIds, password: _password, ...fields } = input
    const [row] = await tx
      .insert(users)
      .values({ id: newId(), unitId, ...fields, passwordHash, mustChangePassword: passwordHash !== null })
      .returning()
    await setDepartments(tx, row!.id, deptIds)
    await audit(tx, { actor, meta }, { action: 'user.created', objectType: 'user', objectId: row!.id, unitId, detail: { username: input.username, deptIds } })
    return present(row!, deptIds, true)
  })
}

export async function updateUser(db: Db, actor: Actor, meta: RequestMeta, id: string, patch: UserPatch) {
  const current = await loadUser(db, actor, id)
  const currentDepts = (await deptIdsOf(db, [id])).get(id) ?? []
  await assertCanManage(db, actor, current.unitId, currentDepts[0] ?? null)
  if (patch.deptIds) {
    for (const deptId of patch.deptIds) await assertCanManage(db, actor, current.unitId, deptId)
    await checkDepartments(db, current.unitId, patch.deptIds)
  }
  return db.transaction(async (tx) => {
    const { deptIds, ...fields } = patch
    const [row] = await tx.update(users).set({ ...fields, updatedAt: new Date() }).where(eq(users.id, id)).returning()
    if (deptIds) await setDepartments(tx, id, deptIds)
    // A disabled account is signed out everywhere at once.
    if (patch.status === 'disabled') await tx.delete(sessions).where(eq(sessions.userId, id))
    await audit(tx, { actor, meta }, { action: 'user.updated', objectType: 'user', objectId: id, unitId: current.unitId, detail: { ...patch } })
    return present(row!, deptIds ?? currentDepts, true)
  })
}

const TEMP_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789'

/** Issues a one-time temporary password the user must change at next sign-in; ends their sessions. */
export async function resetPassword(db: Db, actor: Actor, meta: RequestMeta, id: string) {
  const current = await loadUser(db, actor, id)
  const currentDepts = (await deptIdsOf(db, [id])).get(id) ?? []
  await assertCanManage(db, actor, current.unitId, currentDepts[0] ?? null)
  const temporaryPassword =
    Array.from({ length: 10 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('') + randomInt(10, 99)
  const passwordHash = await hashPassword(temporaryPassword)
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash, mustChangePassword: true, updatedAt: new Date() }).where(eq(users.id, id))
    await tx.delete(sessions).where(eq(sessions.userId, id))
    await audit(tx, { actor, meta }, { action: 'user.password_reset', objectType: 'user', objectId: id, unitId: current.unitId })
  })
  return { temporaryPassword }
}
