import { aliasedTable, and, desc, eq, gte, inArray, lt, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import {
  absences,
  cases,
  departments,
  engineTasks,
  items,
  posts,
  taskHandovers,
  users,
} from '../../../db/schema'
import type { Actor } from '../../../http/context'
import { forbidden, notFound } from '../../../http/errors'
import { holdsRole, subtree, targetUnit } from '../access'

export interface HandoverQuery {
  unitId?: string | undefined
  deptId?: string | undefined
  /** Beijing calendar days, both included. */
  from?: string | undefined
  to?: string | undefined
}

const startOf = (day: string) => new Date(`${day}T00:00:00+08:00`)
const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The departments whose handovers the actor reads: every one for unit admins (null), else the
 * subtrees of the departments they head (窗口负责人). Nobody else reads handovers.
 */
async function readableDepts(db: Db, actor: Actor, unitId: string): Promise<Set<string> | null> {
  if (await holdsRole(db, actor, ['unit_admin'], unitId)) return null
  const headed = await db
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.unitId, unitId), eq(departments.headUserId, actor.userId)))
  const readable = new Set<string>()
  for (const dept of headed) for (const id of await subtree(db, unitId, dept.id)) readable.add(id)
  if (!readable.size) throw forbidden('只有窗口（部门）负责人和单位管理员可以查看交接记录')
  return readable
}

/** Handover records (AB岗 交接) of a unit, newest first, as a window head or unit admin reads them. */
export async function listHandovers(db: Db, actor: Actor, query: HandoverQuery) {
  const unitId = targetUnit(actor, query.unitId)
  const readable = await readableDepts(db, actor, unitId)
  const filters: SQL[] = [eq(taskHandovers.unitId, unitId)]
  if (query.deptId) {
    const [dept] = await db
      .select({ id: departments.id })
      .from(departments)
      .where(and(eq(departments.id, query.deptId), eq(departments.unitId, unitId)))
    if (!dept) throw notFound('部门', query.deptId)
    if (readable && !readable.has(dept.id))
      throw forbidden('只能查看自己负责的窗口（部门）的交接记录')
    filters.push(inArray(taskHandovers.deptId, [...(await subtree(db, unitId, dept.id))]))
  } else if (readable) {
    filters.push(inArray(taskHandovers.deptId, [...readable]))
  }
  if (query.from) filters.push(gte(taskHandovers.at, startOf(query.from)))
  if (query.to) filters.push(lt(taskHandovers.at, new Date(startOf(query.to).getTime() + DAY_MS)))
  const fromUser = aliasedTable(users, 'from_user')
  const toUser = aliasedTable(users, 'to_user')
  const rows = await db
    .select({
      record: taskHandovers,
      taskName: engineTasks.name,
      caseNo: cases.caseNo,
      itemName: items.name,
      fromName: fromUser.displayName,
      toName: toUser.displayName,
      deptName: departments.name,
      postName: posts.name,
      absence: { kind: absences.kind, startsAt: absences.startsAt, endsAt: absences.endsAt },
    })
    .from(taskHandovers)
    .innerJoin(cases, eq(cases.id, taskHandovers.caseId))
    .innerJoin(items, eq(items.id, cases.itemId))
    .innerJoin(fromUser, eq(fromUser.id, taskHandovers.fromUserId))
    .innerJoin(toUser, eq(toUser.id, taskHandovers.toUserId))
    .innerJoin(departments, eq(departments.id, taskHandovers.deptId))
    .innerJoin(posts, eq(posts.id, taskHandovers.postId))
    .leftJoin(engineTasks, eq(engineTasks.id, taskHandovers.taskId))
    .leftJoin(absences, eq(absences.id, taskHandovers.absenceId))
    .where(and(...filters))
    .orderBy(desc(taskHandovers.at), desc(taskHandovers.id))
    .limit(500)
  return rows.map((row) => ({
    id: row.record.id,
    at: row.record.at.toISOString(),
    direction: row.record.direction,
    taskId: row.record.taskId,
    taskName: row.taskName,
    caseId: row.record.caseId,
    caseNo: row.caseNo,
    itemName: row.itemName,
    from: { id: row.record.fromUserId, name: row.fromName },
    to: { id: row.record.toUserId, name: row.toName },
    deptId: row.record.deptId,
    deptName: row.deptName,
    postName: row.postName,
    absence:
      row.record.absenceId && row.absence?.kind
        ? {
            id: row.record.absenceId,
            kind: row.absence.kind,
            startsAt: row.absence.startsAt!.toISOString(),
            endsAt: row.absence.endsAt!.toISOString(),
          }
        : null,
  }))
}
