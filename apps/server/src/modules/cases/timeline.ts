import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { engineHistory, engineTasks } from '../../db/schema'
import { deadlineFlags, isoOrNull, type DeadlineFlags } from './deadlines'
import { signaturesOf } from '../tasks/signature'
import { namesOf } from './people'

/** History events an applicant or approver reads as the case's progress; the rest is engine detail. */
const SHOWN = [
  'process.started', 'task.completed', 'task.auto-completed', 'task.returned', 'task.rejected', 'task.transferred',
  'task.delegated', 'task.reassigned', 'task.signer-added', 'task.urged', 'process.cc', 'process.withdrawn',
  'clock.suspended', 'clock.resumed', 'process.extended', 'message.correlated', 'process.completed', 'process.terminated',
] as const

export interface TimelineEntry {
  type: string
  at: string
  step: string | null
  stepName: string | null
  handlerId: string | null
  handlerName: string | null
  due: string | null
  outcome: string | null
  comment: string | null
  /** The handwritten signature of a completed step (PNG data URL), for whoever may see the case. */
  signature: string | null
}

export interface OpenStep extends DeadlineFlags {
  taskId: string
  step: string
  name: string | null
  assignees: { id: string; name: string }[]
  status: string
  createdAt: string
  due: string | null
}

const text = (value: unknown) => (typeof value === 'string' ? value : null)

/** The case's timeline from engine history: step, handler, time, due, outcome and comment. */
export async function timelineOf(db: Db, instanceId: string): Promise<TimelineEntry[]> {
  const events = await db
    .select()
    .from(engineHistory)
    .where(and(eq(engineHistory.instanceId, instanceId), inArray(engineHistory.type, [...SHOWN])))
    .orderBy(asc(engineHistory.id))
  const tasks = await db.select({ id: engineTasks.id, name: engineTasks.name, due: engineTasks.due }).from(engineTasks).where(eq(engineTasks.instanceId, instanceId))
  const taskOf = new Map(tasks.map((task) => [task.id, task]))
  const names = await namesOf(db, events.map((event) => event.actor))
  const signatures = await signaturesOf(db, events.flatMap((event) => (event.type === 'task.completed' && event.taskId ? [event.taskId] : [])))
  return events.map((event) => {
    const task = event.taskId ? taskOf.get(event.taskId) : undefined
    return {
      type: event.type,
      at: event.at.toISOString(),
      step: event.element,
      stepName: task?.name ?? null,
      handlerId: event.actor,
      handlerName: event.actor ? (names.get(event.actor) ?? null) : null,
      due: isoOrNull(task?.due ?? event.due),
      outcome: event.outcome,
      comment: text(event.data?.comment) ?? text(event.data?.reason),
      signature: event.type === 'task.completed' && event.taskId ? (signatures.get(event.taskId) ?? null) : null,
    }
  })
}

/** The steps waiting now, with who holds them and the yellow/red marks against `now`. */
export async function openStepsOf(db: Db, instanceId: string, now: Date): Promise<OpenStep[]> {
  const rows = await db
    .select()
    .from(engineTasks)
    .where(and(eq(engineTasks.instanceId, instanceId), inArray(engineTasks.status, ['open', 'waiting'])))
    .orderBy(asc(engineTasks.createdAt), asc(engineTasks.id))
  const names = await namesOf(db, rows.flatMap((row) => (row.assignee ? [row.assignee] : row.candidates)))
  return rows.map((row) => ({
    taskId: row.id,
    step: row.element,
    name: row.name,
    assignees: (row.assignee ? [row.assignee] : row.candidates).map((id) => ({ id, name: names.get(id) ?? id })),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    due: isoOrNull(row.due),
    ...deadlineFlags(now, row.due, row.warnAt),
  }))
}
