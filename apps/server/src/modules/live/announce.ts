import type { HistoryEvent } from '@hall/process-engine'
import { eq, inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../../db/client'
import { cases, engineTasks, items, type NotificationKind } from '../../db/schema'
import { afterCommit, inTransaction } from '../../engine/drizzle-store'
import type { CaseRow } from '../cases/access'
import { notify, type NotifyInput } from '../notifications/notify'
import { liveBus } from './bus'

/** Engine events that put a task in someone's hands, and whose hands: new holders or candidates. */
const HANDED: Record<string, (data: Record<string, unknown>) => unknown> = {
  'task.created': (data) => data.assignees,
  'task.transferred': (data) => [data.to],
  'task.delegated': (data) => [data.to],
  'task.reassigned': (data) => [data.to],
}

/** Case statuses the applicant hears about, with the notification's kind and title. */
const ENDINGS: Partial<Record<CaseRow['status'], { kind: NotificationKind; title: string }>> = {
  completed: { kind: 'case.completed', title: '您的办件已办结' },
  rejected: { kind: 'case.rejected', title: '您的办件未获批准' },
  returned: { kind: 'case.returned', title: '您的办件被退回' },
}

const ids = (value: unknown): string[] => (Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && id !== '') : [])

/**
 * Tells people what a committed engine command changed: live events to open pages (a task for its
 * holders, a case for whoever may see it) and notifications (a task assigned; the applicant's case
 * finished, refused, returned or waiting for materials). Runs after commit, so what it announces
 * is what a reload shows; it reads the case rows then, when the command's own case update is in.
 * A failure is logged, never thrown: the command has already succeeded.
 */
export async function announce(db: Db, events: readonly HistoryEvent[], now: Date, log: Logger): Promise<void> {
  try {
    const instanceIds = [...new Set(events.map((event) => event.instanceId))]
    if (!instanceIds.length) return
    const rows = await db.select({ row: cases, itemName: items.name }).from(cases).innerJoin(items, eq(items.id, cases.itemId)).where(inArray(cases.instanceId, instanceIds))
    const caseOf = new Map(rows.map((entry) => [entry.row.instanceId!, entry]))
    const handed = events.filter((event) => event.taskId && HANDED[event.type])
    const taskIds = [...new Set(handed.map((event) => event.taskId!))]
    const steps = taskIds.length ? await db.select({ id: engineTasks.id, name: engineTasks.name }).from(engineTasks).where(inArray(engineTasks.id, taskIds)) : []
    const stepName = new Map(steps.map((step) => [step.id, step.name]))
    const notices: NotifyInput[] = []

    for (const event of handed) {
      const userIds = ids(HANDED[event.type]!(event.data ?? {}))
      const entry = caseOf.get(event.instanceId)
      liveBus.publish({ type: event.type === 'task.created' ? 'task.created' : 'task.assigned', taskId: event.taskId!, caseId: entry?.row.id ?? null, userIds })
      const what = entry ? `${entry.itemName}（${entry.row.caseNo ?? '草稿'}）` : '流程任务'
      notices.push({ userIds, kind: 'task.assigned', title: `新的待办：${stepName.get(event.taskId!) ?? what}`, body: `${what}等待您办理`, link: `/tasks/${event.taskId}`, caseId: entry?.row.id ?? null })
    }

    for (const { row, itemName } of rows) {
      liveBus.publish({ type: 'case.changed', caseId: row.id, status: row.status, row })
      const mine = events.filter((event) => event.instanceId === row.instanceId)
      const what = `${itemName}（${row.caseNo ?? ''}）`
      const ending = mine.some((event) => event.type === 'process.completed' || event.type === 'process.terminated') ? ENDINGS[endedStatus(row, mine)] : undefined
      if (ending) notices.push({ userIds: [row.applicantId], kind: ending.kind, title: ending.title, body: what, link: `/cases/${row.id}`, caseId: row.id })
      if (row.status === 'supplement' && mine.some((event) => event.type === 'clock.suspended')) {
        notices.push({ userIds: [row.applicantId], kind: 'case.supplement', title: '请补正材料', body: `${what}需要补正材料，请查看一次性告知书`, link: `/cases/${row.id}`, caseId: row.id })
      }
    }
    if (notices.length) await inTransaction(db, async (tx) => {
      for (const input of notices) await notify(tx, input, now)
    })
  } catch (error) {
    log.error({ err: error }, 'announcing committed engine events failed')
  }
}

/**
 * The case's final status: its row once the command closed it; a job that ended the process
 * (worker) announces before the case is reconciled, so the ending event says it then.
 */
function endedStatus(row: CaseRow, events: readonly HistoryEvent[]): CaseRow['status'] {
  if (row.status !== 'running' && row.status !== 'supplement') return row.status
  if (events.some((event) => event.type === 'process.completed')) return 'completed'
  return events.some((event) => event.type === 'process.terminated' && event.outcome === 'rejected') ? 'rejected' : row.status
}

/** The engine's `onEvents`: announce each command's history once the transaction it joined commits. */
export function announceAfterCommit(db: Db, now: () => Date, log: Logger): (events: HistoryEvent[]) => void {
  return (events) => void afterCommit(() => announce(db, events, now(), log))
}
