import type { notifications } from '../../db/schema'

export type NotificationRow = typeof notifications.$inferSelect

/** A notification as the API and the live stream send it. */
export function notificationView(row: NotificationRow) {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    link: row.link,
    caseId: row.caseId,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt ? row.readAt.toISOString() : null,
  }
}

export type NotificationView = ReturnType<typeof notificationView>
