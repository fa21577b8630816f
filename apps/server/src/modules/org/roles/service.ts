import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { newId } from '../../../db/ids'
import { departments, roleGrants, users, type Role } from '../../../db/schema'
import type { Actor, RequestMeta } from '../../../http/context'
import { badInput, conflict, forbidden, notFound } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertCanRead, assertUnitVisible, isPlatformAdmin, subtree } from '../access'

export interface GrantInput {
  userId: string
  role: Role
  deptId: string | null
  canDelegate: boolean
}

/** Roles a unit admin hands out; granting `unit_admin` itself (a sub-admin) takes a delegable grant. */
const BELOW_UNIT_ADMIN: readonly Role[] = ['hall_admin', 'window_staff', 'approver', 'applicant']

/**
 * Level-by-level delegation (DOMAIN.md §1): a unit admin grants lower roles within the scope of
 * their own grant (unit-wide, or their department subtree); granting `unit_admin` or a grant that
 * may itself be delegated needs a delegable grant; `platform_admin` comes only from a platform admin.
 */
export async function mayGrant(db: Db, actor: Actor, unitId: string, input: Pick<GrantInput, 'role' | 'deptId' | 'canDelegate'>): Promise<boolean> {
  if (isPlatformAdmin(actor)) return true
  if (input.role === 'platform_admin') return false
  const needsDelegable = input.role === 'unit_admin' || input.canDelegate
  for (const grant of actor.roles) {
    if (grant.unitId !== unitId || grant.role !== 'unit_admin') continue
    if (needsDelegable && !grant.canDelegate) continue
    if (!needsDelegable && !BELOW_UNIT_ADMIN.includes(input.role)) continue
    if (grant.deptId === null) return true
    if (input.deptId !== null && (await subtree(db, unitId, grant.deptId)).has(input.deptId)) return true
  }
  return false
}

async function assertMayGrant(db: Db, actor: Actor, unitId: string, input: Pick<GrantInput, 'role' | 'deptId' | 'canDelegate'>) {
  if (!(await mayGrant(db, actor, unitId, input))) throw forbidden('只能在本人管理范围内逐级授权')
}

export async function listGrants(db: Db, actor: Actor, unitId: string, userId?: string) {
  assertCanRead(actor, unitId)
  const where = userId ? and(eq(roleGrants.unitId, unitId), eq(roleGrants.userId, userId)) : eq(roleGrants.unitId, unitId)
  return db.select().from(roleGrants).where(where)
}

export async function grantRole(db: Db, actor: Actor, meta: RequestMeta, unitId: string, input: GrantInput) {
  assertUnitVisible(actor, unitId)
  await assertMayGrant(db, actor, unitId, input)
  const [user] = await db.select({ id: users.id }).from(users).where(and(eq(users.id, input.userId), eq(users.unitId, unitId)))
  if (!user) throw badInput({ userId: '用户不存在' })
  if (input.deptId) {
    const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, input.deptId), eq(departments.unitId, unitId)))
    if (!dept) throw badInput({ deptId: '部门不存在' })
  }
  const existing = await db.select().from(roleGrants).where(and(eq(roleGrants.unitId, unitId), eq(roleGrants.userId, input.userId), eq(roleGrants.role, input.role)))
  if (existing.some((grant) => grant.deptId === input.deptId)) throw conflict('DUPLICATE_GRANT', '该用户已有此授权')
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(roleGrants).values({ id: newId(), unitId, ...input, grantedBy: actor.userId }).returning()
    await audit(tx, { actor, meta }, { action: 'role.granted', objectType: 'role_grant', objectId: row!.id, unitId, detail: { ...input } })
    return row!
  })
}

export async function revokeGrant(db: Db, actor: Actor, meta: RequestMeta, id: string) {
  const [grant] = await db.select().from(roleGrants).where(eq(roleGrants.id, id))
  if (!grant) throw notFound('授权', id)
  assertUnitVisible(actor, grant.unitId)
  await assertMayGrant(db, actor, grant.unitId, grant)
  // Nobody locks themselves out of administration by accident.
  if (grant.userId === actor.userId) throw conflict('OWN_GRANT', '不能撤销自己的授权，请由其他管理员操作')
  await db.transaction(async (tx) => {
    await tx.delete(roleGrants).where(eq(roleGrants.id, id))
    await audit(tx, { actor, meta }, { action: 'role.revoked', objectType: 'role_grant', objectId: id, unitId: grant.unitId, detail: { userId: grant.userId, role: grant.role, deptId: grant.deptId } })
  })
}
