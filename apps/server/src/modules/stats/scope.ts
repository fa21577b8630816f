import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { departments, userDepartments, type Role } from '../../db/schema'
import type { Actor } from '../../http/context'
import { forbidden, notFound } from '../../http/errors'
import { holdsRole, targetUnit } from '../org/access'

/** What one reader may count: a unit, and within it every window (`deptIds` null) or only some. */
export interface StatsScope {
  unitId: string
  deptIds: string[] | null
}

const UNIT_READERS = ['unit_admin', 'hall_admin'] as const satisfies readonly Role[]

/** Whether the actor works in the unit's supervision office (监察室), which oversees every window. */
async function inSupervisionOffice(db: Db, actor: Actor, unitId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: departments.id })
    .from(userDepartments)
    .innerJoin(departments, eq(departments.id, userDepartments.deptId))
    .where(and(eq(userDepartments.userId, actor.userId), eq(departments.unitId, unitId), eq(departments.kind, 'supervision')))
    .limit(1)
  return row !== undefined
}

/**
 * Who reads statistics (issue 7): hall and unit admins and the supervision office the whole unit,
 * a window head (窗口负责人) the windows they head. Another unit, or a window outside the reader's
 * scope, does not exist for them (404); staff with none of these rights get 403.
 */
export async function statsScope(db: Db, actor: Actor, requested: { unit?: string | undefined; dept?: string | undefined }): Promise<StatsScope> {
  const unitId = targetUnit(actor, requested.unit)
  const wide = (await holdsRole(db, actor, UNIT_READERS, unitId)) || (await inSupervisionOffice(db, actor, unitId))
  const headed = wide
    ? null
    : (await db.select({ id: departments.id }).from(departments).where(and(eq(departments.unitId, unitId), eq(departments.headUserId, actor.userId)))).map((d) => d.id)
  if (headed && !headed.length) throw forbidden('只有窗口负责人、大厅或单位管理员和监察室可以查看统计')
  if (requested.dept) {
    const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, requested.dept), eq(departments.unitId, unitId)))
    if (!dept || (headed && !headed.includes(dept.id))) throw notFound('窗口', requested.dept)
    return { unitId, deptIds: [dept.id] }
  }
  return { unitId, deptIds: headed }
}
