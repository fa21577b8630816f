import { z } from '@hono/zod-openapi'
import { and, asc, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dcCollected } from '../../../db/schema'
import type { Actor } from '../../../http/context'
import { forbidden } from '../../../http/errors'
import { holdsRole, targetUnit } from '../../org/access'

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')

/** Filters of the collected-data list and export; days are Beijing calendar days, `to` included. */
export const CollectedFilters = z.strictObject({
  target: z.string().min(1).max(64).optional(),
  item: z.string().min(1).max(100).optional(),
  from: day.optional(),
  to: day.optional(),
  unit: z.string().min(1).max(64).optional().openapi({ description: 'Platform admins: the unit to read' }),
})
export type CollectedFilters = z.infer<typeof CollectedFilters>

const startOf = (date: string) => new Date(`${date}T00:00:00+08:00`)
const DAY_MS = 24 * 60 * 60 * 1000

/** The unit whose collected data the actor reads: unit admins and hall admins of it only. */
export async function collectedUnit(db: Db, actor: Actor, requested: string | undefined): Promise<string> {
  const unitId = targetUnit(actor, requested)
  if (!(await holdsRole(db, actor, ['unit_admin', 'hall_admin'], unitId))) throw forbidden('只有单位管理员和大厅管理员可以查看采集数据')
  return unitId
}

function where(unitId: string, filters: CollectedFilters): SQL | undefined {
  const conditions: SQL[] = [eq(dcCollected.unitId, unitId)]
  if (filters.target) conditions.push(eq(dcCollected.target, filters.target))
  if (filters.item) conditions.push(eq(dcCollected.itemKey, filters.item))
  if (filters.from) conditions.push(gte(dcCollected.collectedAt, startOf(filters.from)))
  if (filters.to) conditions.push(lt(dcCollected.collectedAt, new Date(startOf(filters.to).getTime() + DAY_MS)))
  return and(...conditions)
}

/** One page of records, newest case first and its records in form order, with the total that match. */
export async function listCollected(db: Db, unitId: string, filters: CollectedFilters, page: { offset: number; limit: number }) {
  const condition = where(unitId, filters)
  const [total] = await db.select({ n: count() }).from(dcCollected).where(condition)
  const rows = await db.select().from(dcCollected).where(condition).orderBy(desc(dcCollected.collectedAt), asc(dcCollected.caseId), asc(dcCollected.position)).limit(page.limit).offset(page.offset)
  return { rows, total: total?.n ?? 0 }
}
