import type { CaseRow } from '../cases/access'
import type { NotificationView } from '../notifications/view'

/**
 * What the server pushes to signed-in browsers over `GET /api/events`. Task and notification
 * events name their audience; a case event carries its row so each listener can apply the one
 * rule for who sees a case (`maySee`) before it goes out.
 */
export type LiveEvent =
  | { type: 'task.created' | 'task.assigned'; taskId: string; caseId: string | null; userIds: string[] }
  | { type: 'case.changed'; caseId: string; status: CaseRow['status']; row: CaseRow }
  | { type: 'notification'; userId: string; notification: NotificationView }

export type LiveListener = (event: LiveEvent) => void

/**
 * The in-process event bus: engine commands and notifications publish after their transaction
 * commits, each open event stream listens. One per process; the server's job worker shares it.
 * (Several server processes on one PostgreSQL would need LISTEN/NOTIFY behind this interface.)
 */
export class LiveBus {
  private readonly listeners = new Set<LiveListener>()

  /** Starts hearing every event; call the answer to stop (a closed stream must). */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  publish(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  /** Open streams now, for tests and the health page. */
  get size(): number {
    return this.listeners.size
  }
}

export const liveBus = new LiveBus()
