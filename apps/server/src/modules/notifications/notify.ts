import { inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { notifications, users, type NotificationKind } from '../../db/schema'
import { afterCommit } from '../../engine/drizzle-store'
import { inAppChannel, type NotificationChannel, type Recipient } from './channels'
import { notificationView, type NotificationView } from './view'

export interface NotifyInput {
  userIds: readonly string[]
  kind: NotificationKind
  title: string
  body: string
  link: string
  caseId?: string | null
}

/** The channels notifications go out by: in-app alone until the app configures them from `HALL_NOTIFY_CHANNELS`. */
const delivery: { channels: NotificationChannel[]; log: Logger | undefined } = { channels: [inAppChannel], log: undefined }

/** Sets the process's channels (the app does, at start). */
export function useChannels(channels: NotificationChannel[], log: Logger): void {
  delivery.channels = channels
  delivery.log = log
}

/**
 * Notifies people: one in-app row each, inserted in the caller's transaction (call it inside
 * `inTransaction`), then once that commits every channel gets its copy. A channel that fails is
 * logged and the others still send: the notification itself is already saved.
 */
export async function notify(tx: Db, input: NotifyInput, now: Date): Promise<NotificationView[]> {
  const userIds = [...new Set(input.userIds)]
  if (!userIds.length) return []
  const people = await tx.select({ id: users.id, unitId: users.unitId, email: users.email, phone: users.phone }).from(users).where(inArray(users.id, userIds))
  if (!people.length) return []
  const rows = await tx
    .insert(notifications)
    .values(people.map((person) => ({ id: newId(), unitId: person.unitId, userId: person.id, kind: input.kind, title: input.title, body: input.body, link: input.link, caseId: input.caseId ?? null, createdAt: now })))
    .returning()
  const recipients = new Map<string, Recipient>(people.map((person) => [person.id, person]))
  const views = rows.map((row) => ({ view: notificationView(row), to: recipients.get(row.userId)! }))
  await afterCommit(() => send(views))
  return views.map(({ view }) => view)
}

async function send(messages: { view: NotificationView; to: Recipient }[]): Promise<void> {
  for (const { view, to } of messages) {
    for (const channel of delivery.channels) {
      try {
        await channel.send(view, to)
      } catch (error) {
        delivery.log?.error({ err: error, channel: channel.name, notification: view.id }, 'a notification channel failed')
      }
    }
  }
}
