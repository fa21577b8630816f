import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { departments, userDepartments } from '../../db/schema'
import type { Actor } from '../../http/context'
import { forbidden } from '../../http/errors'
import { holdsRole } from '../org/access'

/**
 * Who oversees which cases (issue 7): the supervision office (members of the unit's department of
 * kind `supervision`, e.g. county.sup) and the unit's and hall's admins see the whole unit; a window
 * head (the department's `headUserId`) sees their own windows. `windows: 'unit'` means every one.
 */
export interface OversightScope {
  unitId: string
  windows: Set<string> | 'unit'
  /** Supervision office members: they decide extensions and enter assessment points. */
  office: boolean
}

/** Whether the actor works in the unit's supervision office (监察室). */
export async function inSupervisionOffice(db: Db, actor: Actor): Promise<boolean> {
  const [row] = await db
    .select({ id: departments.id })
    .from(userDepartments)
    .innerJoin(departments, eq(departments.id, userDepartments.deptId))
    .where(
      and(
        eq(userDepartments.userId, actor.userId),
        eq(departments.unitId, actor.unitId),
        eq(departments.kind, 'supervision'),
      ),
    )
    .limit(1)
  return row !== undefined
}

/** The windows the actor heads in their unit. */
export async function headedWindows(db: Db, actor: Actor): Promise<Set<string>> {
  const rows = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.unitId, actor.unitId), eq(departments.headUserId, actor.userId)))
  return new Set(rows.map((row) => row.id))
}

/** The actor's oversight, or 403 for someone who oversees nothing (applicants, plain staff). */
export async function oversightScope(db: Db, actor: Actor): Promise<OversightScope> {
  const office = await inSupervisionOffice(db, actor)
  if (office || (await holdsRole(db, actor, ['unit_admin', 'hall_admin'], actor.unitId)))
    return { unitId: actor.unitId, windows: 'unit', office }
  const windows = await headedWindows(db, actor)
  if (!windows.size) throw forbidden('只有监察室、窗口负责人和单位管理员可以查看电子监察')
  return { unitId: actor.unitId, windows, office: false }
}

/** Whether the scope covers a case of `deptId` in `unitId`. */
export const covers = (scope: OversightScope, unitId: string, deptId: string) =>
  scope.unitId === unitId && (scope.windows === 'unit' || scope.windows.has(deptId))
