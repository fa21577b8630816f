import { eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db } from '../../db/client'
import { cases, notifications } from '../../db/schema'
import { notificationView } from '../notifications/view'
import type { LiveEvent } from './bus'

/**
 * PostgreSQL refuses NOTIFY payloads of 8000 bytes or more; we stay under with room to spare.
 * Payloads carry ids and kinds, never documents: receivers read the rows, committed by then.
 */
export const MAX_PAYLOAD_BYTES = 7_900

/** A live event as it crosses processes; `ping` is the relay's check that its own listener still hears. */
const wireSchema = z.discriminatedUnion('t', [
  z.object({ t: z.enum(['task.created', 'task.assigned']), task: z.string(), case: z.string().nullable(), users: z.array(z.string()) }),
  z.object({ t: z.literal('case.changed'), case: z.string() }),
  z.object({ t: z.literal('notification'), id: z.string() }),
  z.object({ t: z.literal('ping'), from: z.string() }),
])
export type Wire = z.infer<typeof wireSchema>

/**
 * The NOTIFY payloads for `event`: one, except a task handed to so many candidates that their ids
 * overflow a payload, which goes as several, each naming some of them.
 */
export function toPayloads(event: Exclude<LiveEvent, { type: 'resync' }>): string[] {
  switch (event.type) {
    case 'case.changed':
      return [JSON.stringify({ t: event.type, case: event.caseId } satisfies Wire)]
    case 'notification':
      return [JSON.stringify({ t: event.type, id: event.notification.id } satisfies Wire)]
    case 'task.created':
    case 'task.assigned': {
      const payloads: string[] = []
      const encode = (users: string[]) => JSON.stringify({ t: event.type, task: event.taskId, case: event.caseId, users } satisfies Wire)
      let users: string[] = []
      for (const userId of event.userIds) {
        if (users.length && Buffer.byteLength(encode([...users, userId])) > MAX_PAYLOAD_BYTES) {
          payloads.push(encode(users))
          users = []
        }
        users.push(userId)
      }
      return [...payloads, encode(users)]
    }
  }
}

/** Reads a payload another process (or this one) sent; null for one that is not ours. */
export function parsePayload(payload: string): Wire | null {
  try {
    const parsed = wireSchema.safeParse(JSON.parse(payload))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * The event a payload stands for, with the rows listeners judge visibility by read now (after the
 * sender's commit); null when the row is gone (a case deleted since) or for a ping.
 */
export async function hydrate(db: Db, wire: Wire): Promise<LiveEvent | null> {
  switch (wire.t) {
    case 'task.created':
    case 'task.assigned':
      return { type: wire.t, taskId: wire.task, caseId: wire.case, userIds: wire.users }
    case 'case.changed': {
      const [row] = await db.select().from(cases).where(eq(cases.id, wire.case))
      return row ? { type: 'case.changed', caseId: row.id, status: row.status, row } : null
    }
    case 'notification': {
      const [row] = await db.select().from(notifications).where(eq(notifications.id, wire.id))
      return row ? { type: 'notification', userId: row.userId, notification: notificationView(row) } : null
    }
    case 'ping':
      return null
  }
}
