import { and, eq, inArray, isNotNull, notExists, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { cases, departments, engineHistory, engineTasks, items, supervisionAlerts, type AlertLevel } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { notify } from '../notifications/notify'

const WORDING: Record<AlertLevel, { kind: 'supervision.warned' | 'supervision.overdue'; title: string; state: string }> = {
  warn: { kind: 'supervision.warned', title: '环节即将超时', state: '即将到达办理时限' },
  overdue: { kind: 'supervision.overdue', title: '环节已超时', state: '已超过办理时限' },
}

/**
 * Worker step: turns the engine's `task.warned` / `task.overdue` history events of case steps into
 * supervision alerts, one per step and level, and in the same transaction notifies the step's
 * assignees (linked to the task) and the window head (linked to the case, which they oversee but
 * may not hold). The unique index decides which worker adds an alert, so however many workers poll
 * and however often, each person hears of a step's level once. Returns how many alerts it added.
 */
export async function recordAlerts(db: Db, now: Date): Promise<number> {
  return inTransaction(db, async (tx) => {
    const level = sql<AlertLevel>`case when ${engineHistory.type} = 'task.warned' then 'warn' else 'overdue' end`
    const pending = await tx
      .select({
        unitId: cases.unitId, caseId: cases.id, caseNo: cases.caseNo, itemName: items.name, taskId: sql<string>`${engineHistory.taskId}`,
        stepName: engineTasks.name, level, at: engineHistory.at, data: engineHistory.data, head: departments.headUserId,
      })
      .from(engineHistory)
      .innerJoin(cases, eq(cases.instanceId, engineHistory.instanceId))
      .innerJoin(items, eq(items.id, cases.itemId))
      .innerJoin(departments, eq(departments.id, cases.deptId))
      .leftJoin(engineTasks, eq(engineTasks.id, engineHistory.taskId))
      .where(and(
        inArray(engineHistory.type, ['task.warned', 'task.overdue']),
        isNotNull(engineHistory.taskId),
        notExists(tx.select({ one: sql`1` }).from(supervisionAlerts).where(and(eq(supervisionAlerts.taskId, engineHistory.taskId), eq(supervisionAlerts.level, level)))),
      ))
    let added = 0
    for (const step of pending) {
      const assignees = [...new Set(assigneesOf(step.data))]
      const head = step.head && !assignees.includes(step.head) ? step.head : null
      const [alert] = await tx
        .insert(supervisionAlerts)
        .values({ id: newId(), unitId: step.unitId, caseId: step.caseId, taskId: step.taskId, level: step.level, at: step.at, notify: head ? [...assignees, head] : assignees, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: supervisionAlerts.id })
      // Another worker added it first, and told them.
      if (!alert) continue
      added += 1
      const wording = WORDING[step.level]
      const what = `${step.itemName}（${step.caseNo ?? ''}）`
      const body = `${what}的“${step.stepName ?? '办理'}”环节${wording.state}`
      await notify(tx, { userIds: assignees, kind: wording.kind, title: `${wording.title}：${step.stepName ?? step.itemName}`, body, link: `/tasks/${step.taskId}`, caseId: step.caseId }, now)
      if (head) await notify(tx, { userIds: [head], kind: wording.kind, title: `本窗口${wording.title}：${step.stepName ?? step.itemName}`, body, link: `/cases/${step.caseId}`, caseId: step.caseId }, now)
    }
    return added
  })
}

/** The step's assignees as the engine recorded them on the event. */
function assigneesOf(data: unknown): string[] {
  const assignees = (data as { assignees?: unknown } | null)?.assignees
  return Array.isArray(assignees) ? assignees.filter((id): id is string => typeof id === 'string' && id !== '') : []
}
