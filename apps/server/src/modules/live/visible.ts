import type { Db } from '../../db/client'
import type { Actor } from '../../http/context'
import { maySee } from '../cases/access'
import type { LiveEvent } from './bus'

/**
 * What of `event` the actor's stream receives, or null when it is not theirs: a task only for
 * its holders and candidates, a notification only for its recipient, a case only for those the
 * case rule lets see it (asked at the time of the event, so a new participant hears it at once);
 * a resync goes to everyone.
 */
export async function visiblePart(db: Db, actor: Actor, event: LiveEvent): Promise<Record<string, unknown> | null> {
  switch (event.type) {
    case 'task.created':
    case 'task.assigned':
      return event.userIds.includes(actor.userId) ? { taskId: event.taskId, caseId: event.caseId } : null
    case 'notification':
      return event.userId === actor.userId ? event.notification : null
    case 'case.changed':
      return (await maySee(db, actor, event.row)) ? { caseId: event.caseId, status: event.status } : null
    case 'resync':
      return {}
  }
}
