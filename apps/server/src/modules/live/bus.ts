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
  /** Events may have been missed (the cross-process listener reconnected): every page reloads what it shows. */
  | { type: 'resync' }

export type LiveListener = (event: LiveEvent) => void

/** Carries published events to every process on the database, this one included (PostgreSQL NOTIFY, see pg-relay.ts). */
export interface LiveTransport {
  send(event: LiveEvent): void
}

/**
 * The process's event bus: engine commands and notifications publish after their transaction
 * commits, each open event stream listens. One per process; the server's job worker shares it.
 * On PGlite (one process) events go straight to the streams; on a PostgreSQL server a relay is
 * attached as transport, so `hall worker` and every `hall start` hear what any of them commits.
 */
export class LiveBus {
  private readonly listeners = new Set<LiveListener>()
  private transport: LiveTransport | undefined

  /** Starts hearing every event; call the answer to stop (a closed stream must). */
  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Announces a committed change: through the transport when one is attached (it comes back by {@link deliver}), else to this process's streams. */
  publish(event: LiveEvent): void {
    if (this.transport) this.transport.send(event)
    else this.deliver(event)
  }

  /** Hands an event to this process's open streams. */
  deliver(event: LiveEvent): void {
    for (const listener of this.listeners) listener(event)
  }

  /** Publishes through `transport` from now on; call the answer to go back to in-process delivery. */
  useTransport(transport: LiveTransport): () => void {
    this.transport = transport
    return () => {
      if (this.transport === transport) this.transport = undefined
    }
  }

  /** Open streams now, for tests and the health page. */
  get size(): number {
    return this.listeners.size
  }
}

export const liveBus = new LiveBus()
