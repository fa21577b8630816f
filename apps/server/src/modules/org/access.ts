import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { departments, type Role } from '../../db/schema'
import type { Actor } from '../../http/context'
import { forbidden, notFound } from '../../http/errors'

export const isPlatformAdmin = (actor: Actor) => actor.roles.some((grant) => grant.role === 'platform_admin')

/** A unit is visible to its own members and to platform admins; to anyone else it does not exist. */
export function assertUnitVisible(actor: Actor, unitId: string): void {
  if (unitId !== actor.unitId && !isPlatformAdmin(actor)) throw notFound('单位', unitId)
}

/** The unit a list or create request acts on: the caller's own, or (platform admins) the one named. */
export function targetUnit(actor: Actor, requested: string | undefined): string {
  const unitId = requested ?? actor.unitId
  assertUnitVisible(actor, unitId)
  return unitId
}

/** Every department id in the subtree under (and including) `rootId`. */
export async function subtree(db: Db, unitId: string, rootId: string): Promise<Set<string>> {
  const rows = await db
    .select({ id: departments.id, parentId: departments.parentId })
    .from(departments)
    .where(eq(departments.unitId, unitId))
  const children = new Map<string, string[]>()
  for (const row of rows) {
    if (row.parentId) children.set(row.parentId, [...(children.get(row.parentId) ?? []), row.id])
  }
  const found = new Set<string>()
  const stack = [rootId]
  while (stack.length) {
    const id = stack.pop()!
    if (found.has(id)) continue
    found.add(id)
    stack.push(...(children.get(id) ?? []))
  }
  return found
}

/**
 * Whether the actor holds one of `roles` over `deptId` in `unitId` (a unit-wide grant covers every
 * department; a department grant covers its subtree). Platform admins hold everything.
 */
export async function holdsRole(
  db: Db,
  actor: Actor,
  roles: readonly Role[],
  unitId: string,
  deptId: string | null = null,
): Promise<boolean> {
  if (isPlatformAdmin(actor)) return true
  const grants = actor.roles.filter((grant) => grant.unitId === unitId && roles.includes(grant.role))
  if (grants.some((grant) => grant.deptId === null)) return true
  if (deptId === null) return false
  for (const grant of grants) {
    if ((await subtree(db, unitId, grant.deptId!)).has(deptId)) return true
  }
  return false
}

const ORG_MANAGERS = ['unit_admin'] as const satisfies readonly Role[]
/** Roles that may read the organisation (pickers in the designer, window heads). */
export const ORG_READERS = ['unit_admin', 'hall_admin', 'window_staff', 'approver'] as const satisfies readonly Role[]

/** Throws 404 for another unit, 403 for a visible unit the actor may not manage (at that department). */
export async function assertCanManage(db: Db, actor: Actor, unitId: string, deptId: string | null = null): Promise<void> {
  assertUnitVisible(actor, unitId)
  if (!(await holdsRole(db, actor, ORG_MANAGERS, unitId, deptId))) forbiddenToManage()
}

/** Any staff grant in the unit lets one read its organisation (a department-scoped one too). */
export function assertCanRead(actor: Actor, unitId: string): void {
  assertUnitVisible(actor, unitId)
  const staff = actor.roles.some((grant) => grant.unitId === unitId && (ORG_READERS as readonly Role[]).includes(grant.role))
  if (!staff && !isPlatformAdmin(actor)) throw forbidden('只有管理员和工作人员可以查看组织机构')
}

function forbiddenToManage(): never {
  throw forbidden('只有本单位（或本部门）的管理员可以修改组织机构')
}
