import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { departments, items, type Role } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, forbidden, notFound } from '../../http/errors'
import { assertUnitVisible, holdsRole, isPlatformAdmin } from '../org/access'

/** Who designs items: unit and hall administrators of the item's unit (platform admins hold every role). */
export const ITEM_DESIGNERS = ['unit_admin', 'hall_admin'] as const satisfies readonly Role[]

export type ItemRow = typeof items.$inferSelect

/** Throws 404 for another unit's department or item, 403 for a visible one the actor may not design. */
export async function assertCanDesign(db: Db, actor: Actor, unitId: string, deptId: string): Promise<void> {
  assertUnitVisible(actor, unitId)
  if (!(await holdsRole(db, actor, ITEM_DESIGNERS, unitId, deptId))) throw forbidden('只有本单位的单位管理员或大厅管理员可以设计事项')
}

/** Lists need a designer grant somewhere in the unit (a department-scoped one too). */
export function assertDesignerOf(actor: Actor, unitId: string): void {
  assertUnitVisible(actor, unitId)
  const designer = actor.roles.some((grant) => grant.unitId === unitId && (ITEM_DESIGNERS as readonly Role[]).includes(grant.role))
  if (!designer && !isPlatformAdmin(actor)) throw forbidden('只有本单位的单位管理员或大厅管理员可以查看事项设计')
}

/** The item, if the actor may design it; someone else's item does not exist for them. */
export async function loadItem(db: Db, actor: Actor, id: string): Promise<ItemRow> {
  const [row] = await db.select().from(items).where(eq(items.id, id))
  if (!row) throw notFound('事项', id)
  assertUnitVisible(actor, row.unitId)
  await assertCanDesign(db, actor, row.unitId, row.deptId)
  return row
}

/** The item locked for the rest of the transaction, so two publishes of one item take turns. */
export async function lockItem(tx: Db, id: string): Promise<ItemRow> {
  const [row] = await tx.select().from(items).where(eq(items.id, id)).for('update')
  if (!row) throw notFound('事项', id)
  return row
}

/** The accepting department must be one of the unit's. */
export async function assertDepartment(db: Db, unitId: string, deptId: string): Promise<void> {
  const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.id, deptId), eq(departments.unitId, unitId)))
  if (!dept) throw badInput({ deptId: '部门不存在' })
}
