import { and, arrayContains, asc, desc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, engineHistory, engineTasks, items, users } from '../../db/schema'
import type { Actor } from '../../http/context'
import { deadlineFlags, isoOrNull } from '../cases/deadlines'

export const BOXES = ['todo', 'done', 'cc'] as const
export type Box = (typeof BOXES)[number]

export interface InboxQuery {
  box: Box
  itemId?: string | undefined
  status?: 'open' | 'waiting' | undefined
  sort: 'due' | 'created'
  limit: number
  offset: number
}

function boxCondition(actor: Actor, box: 'todo' | 'done'): SQL {
  const me = actor.userId
  if (box === 'done') return and(eq(engineTasks.completedBy, me), eq(engineTasks.status, 'completed'))!
  // Assigned to me, or unassigned with me among the candidates (claimable); `@>` uses the GIN index.
  return and(inArray(engineTasks.status, ['open', 'waiting']), or(eq(engineTasks.assignee, me), and(isNull(engineTasks.assignee), arrayContains(engineTasks.candidates, [me]))))!
}

/**
 * The signed-in user's inbox: to do (assigned + claimable), done (completed by me) or CC'd, with
 * the case and item each task belongs to and its yellow/red marks against `now`.
 */
export async function inbox(db: Db, actor: Actor, query: InboxQuery, now: Date): Promise<InboxEntry[]> {
  if (query.box === 'cc') return copiedToMe(db, actor, query)
  const where = [boxCondition(actor, query.box)]
  if (query.itemId) where.push(eq(cases.itemId, query.itemId))
  if (query.status) where.push(eq(engineTasks.status, query.status))
  const order =
    query.sort === 'due'
      ? [sql`${engineTasks.due} asc nulls last`, asc(engineTasks.createdAt), asc(engineTasks.id)]
      : [query.box === 'done' ? desc(engineTasks.completedAt) : desc(engineTasks.createdAt), asc(engineTasks.id)]
  const rows = await db
    .select({ task: engineTasks, caseId: cases.id, caseNo: cases.caseNo, caseStatus: cases.status, itemId: items.id, itemName: items.name, applicantName: users.displayName })
    .from(engineTasks)
    .innerJoin(cases, eq(cases.instanceId, engineTasks.instanceId))
    .innerJoin(items, eq(items.id, cases.itemId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(and(...where))
    .orderBy(...order)
    .limit(query.limit)
    .offset(query.offset)
  return rows.map(({ task, ...rest }) => ({
    taskId: task.id,
    ...rest,
    ccBy: null,
    comment: task.comment,
    step: task.element,
    name: task.name,
    status: task.status,
    claimable: task.assignee === null,
    delegated: task.owner !== null,
    createdAt: task.createdAt.toISOString(),
    due: isoOrNull(task.due),
    warnAt: isoOrNull(task.warnAt),
    completedAt: isoOrNull(task.completedAt),
    outcome: task.outcome,
    ...(query.box === 'done' ? { warn: false, overdue: task.due !== null && task.completedAt !== null && task.completedAt > task.due } : deadlineFlags(now, task.due, task.warnAt)),
  }))
}

export interface InboxEntry {
  taskId: string | null
  caseId: string
  caseNo: string | null
  caseStatus: string
  itemId: string
  itemName: string
  applicantName: string
  step: string | null
  name: string | null
  status: string
  claimable: boolean
  delegated: boolean
  createdAt: string
  due: string | null
  warnAt: string | null
  completedAt: string | null
  outcome: string | null
  ccBy: string | null
  comment: string | null
  warn: boolean
  overdue: boolean
}

/** 抄送给我: one entry per `process.cc` event naming me, newest first, with who sent it and why. */
async function copiedToMe(db: Db, actor: Actor, query: InboxQuery): Promise<InboxEntry[]> {
  const where = [eq(engineHistory.type, 'process.cc'), sql`${engineHistory.data} @> ${JSON.stringify({ users: [actor.userId] })}::jsonb`]
  if (query.itemId) where.push(eq(cases.itemId, query.itemId))
  const rows = await db
    .select({ event: engineHistory, caseId: cases.id, caseNo: cases.caseNo, caseStatus: cases.status, itemId: items.id, itemName: items.name, applicantName: users.displayName })
    .from(engineHistory)
    .innerJoin(cases, eq(cases.instanceId, engineHistory.instanceId))
    .innerJoin(items, eq(items.id, cases.itemId))
    .innerJoin(users, eq(users.id, cases.applicantId))
    .where(and(...where))
    .orderBy(desc(engineHistory.id))
    .limit(query.limit)
    .offset(query.offset)
  return rows.map(({ event, ...rest }) => ({
    taskId: null,
    ...rest,
    step: null,
    name: null,
    status: 'cc',
    claimable: false,
    delegated: false,
    createdAt: event.at.toISOString(),
    due: null,
    warnAt: null,
    completedAt: null,
    outcome: null,
    ccBy: event.actor,
    comment: typeof event.data?.comment === 'string' ? event.data.comment : null,
    warn: false,
    overdue: false,
  }))
}
