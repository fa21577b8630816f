import { createCalendar } from '@hall/process-engine'
import { and, asc, count, eq, inArray, or, sql, type SQL } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db } from '../../db/client'
import {
  cases,
  departments,
  engineHistory,
  engineInstances,
  engineTasks,
  items,
  userDepartments,
} from '../../db/schema'
import { isoOrNull } from '../cases/deadlines'
import { namesOf } from '../cases/people'
import type { OversightScope } from './access'
import { stepTime, suspensionsOf } from './suspension'

export const BOARD_STATES = ['on_time', 'warned', 'overdue'] as const
export type BoardState = (typeof BOARD_STATES)[number]

export interface BoardQuery {
  windowId?: string | undefined
  departmentId?: string | undefined
  handlerId?: string | undefined
  itemId?: string | undefined
  state?: BoardState | undefined
  limit: number
  offset: number
}

// The server's engine runs on the default calendar (modules/cases/engine.ts), so elapsed time does too.
const calendar = createCalendar()
const handlerDept = alias(departments, 'handler_dept')
const windowDept = alias(departments, 'window_dept')

/**
 * The board's clock per step: a suspended case's steps stand still at the moment it was
 * suspended, so a due that passes while the applicant supplies materials is not overdue.
 */
const effectiveNow = (now: Date) =>
  sql`coalesce((${engineInstances.state}->'clock'->>'suspendedAt')::timestamptz, ${now.toISOString()}::timestamptz)`

/** The same yellow and red marks as `deadlineFlags` (modules/cases/deadlines.ts), in SQL so the board filters and pages by them. */
const stateOf = (now: Date) =>
  sql<BoardState>`case when ${engineTasks.due} is not null and ${engineTasks.due} <= ${effectiveNow(now)} then 'overdue'
    when ${engineTasks.warnAt} is not null and ${engineTasks.warnAt} <= ${effectiveNow(now)} then 'warned' else 'on_time' end`

/**
 * 电子监察 board: every open step of every running case in the scope, with its promise and step
 * due, state, handler and the working time it has run (suspensions shown and excluded).
 */
export async function supervisionBoard(
  db: Db,
  scope: OversightScope,
  query: BoardQuery,
  now: Date,
) {
  const state = stateOf(now)
  const where: (SQL | undefined)[] = [
    eq(cases.unitId, scope.unitId),
    inArray(cases.status, ['running', 'supplement']),
    inArray(engineTasks.status, ['open', 'waiting']),
    scope.windows === 'unit' ? undefined : inArray(cases.deptId, [...scope.windows]),
    query.windowId ? eq(cases.deptId, query.windowId) : undefined,
    query.itemId ? eq(cases.itemId, query.itemId) : undefined,
    query.departmentId ? eq(handlerDept.id, query.departmentId) : undefined,
    query.handlerId
      ? or(
          eq(engineTasks.assignee, query.handlerId),
          sql`${query.handlerId} = any(${engineTasks.candidates})`,
        )
      : undefined,
    query.state ? sql`${state} = ${query.state}` : undefined,
  ]
  const from = () =>
    db
      .select({
        task: engineTasks,
        caseId: cases.id,
        caseNo: cases.caseNo,
        caseStatus: cases.status,
        promiseDue: cases.promiseDue,
        itemId: cases.itemId,
        itemName: items.name,
        windowId: cases.deptId,
        windowName: windowDept.name,
        departmentId: handlerDept.id,
        departmentName: handlerDept.name,
        state,
      })
      .from(engineTasks)
      .innerJoin(cases, eq(cases.instanceId, engineTasks.instanceId))
      .innerJoin(engineInstances, eq(engineInstances.id, engineTasks.instanceId))
      .innerJoin(items, eq(items.id, cases.itemId))
      .innerJoin(windowDept, eq(windowDept.id, cases.deptId))
      .leftJoin(
        userDepartments,
        and(eq(userDepartments.userId, engineTasks.assignee), eq(userDepartments.isPrimary, true)),
      )
      .leftJoin(handlerDept, eq(handlerDept.id, userDepartments.deptId))
      .where(and(...where))
  const rows = await from()
    .orderBy(sql`${engineTasks.due} asc nulls last`, asc(engineTasks.id))
    .limit(query.limit)
    .offset(query.offset)
  const [total] = await db.select({ n: count() }).from(from().as('board'))
  return { total: total?.n ?? 0, items: await describeRows(db, rows, now) }
}

type BoardRow = {
  task: typeof engineTasks.$inferSelect
  caseId: string
  caseNo: string | null
  caseStatus: string
  promiseDue: Date | null
  itemId: string
  itemName: string
  windowId: string
  windowName: string
  departmentId: string | null
  departmentName: string | null
  state: BoardState
}

async function describeRows(db: Db, rows: BoardRow[], now: Date) {
  const instanceIds = [...new Set(rows.map((row) => row.task.instanceId))]
  const clockEvents = instanceIds.length
    ? await db
        .select({
          instanceId: engineHistory.instanceId,
          type: engineHistory.type,
          at: engineHistory.at,
        })
        .from(engineHistory)
        .where(
          and(
            inArray(engineHistory.instanceId, instanceIds),
            inArray(engineHistory.type, ['clock.suspended', 'clock.resumed']),
          ),
        )
        .orderBy(asc(engineHistory.id))
    : []
  const handlers = (row: BoardRow) =>
    row.task.assignee ? [row.task.assignee] : row.task.candidates
  const names = await namesOf(db, rows.flatMap(handlers))
  return rows.map((row) => {
    const suspensions = suspensionsOf(
      clockEvents.filter((event) => event.instanceId === row.task.instanceId),
    )
    const time = stepTime(calendar, row.task.createdAt, now, suspensions)
    return {
      taskId: row.task.id,
      caseId: row.caseId,
      caseNo: row.caseNo,
      itemId: row.itemId,
      itemName: row.itemName,
      windowId: row.windowId,
      windowName: row.windowName,
      departmentId: row.departmentId,
      departmentName: row.departmentName,
      step: row.task.name ?? row.task.element,
      handlers: handlers(row).map((id) => ({ id, name: names.get(id) ?? '' })),
      startedAt: row.task.createdAt.toISOString(),
      stepDue: isoOrNull(row.task.due),
      promiseDue: isoOrNull(row.promiseDue),
      state: row.state,
      suspended: row.caseStatus === 'supplement' || suspensions.some((s) => s.to === null),
      suspensions: suspensions.map((s) => ({ from: s.from.toISOString(), to: isoOrNull(s.to) })),
      suspendedWorkingMs: time.suspendedMs,
      elapsedWorkingMs: time.elapsedMs,
    }
  })
}
