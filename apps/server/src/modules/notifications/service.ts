import { and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { notifications } from '../../db/schema'
import type { Actor, RequestMeta } from '../../http/context'
import { notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { notificationView } from './view'

/** My notifications, unread first, newest first within each; with the unread count for the bell. */
export async function myNotifications(db: Db, actor: Actor, page: { limit: number; offset: number; unread: boolean }) {
  const where = and(eq(notifications.userId, actor.userId), page.unread ? isNull(notifications.readAt) : undefined)
  const rows = await db
    .select()
    .from(notifications)
    .where(where)
    // Unread (read_at null) before read, then newest first.
    .orderBy(sql`${notifications.readAt} is not null`, desc(notifications.createdAt), asc(notifications.id))
    .limit(page.limit)
    .offset(page.offset)
  const [totals] = await db
    .select({ total: count(), unread: sql<number>`count(*) filter (where ${notifications.readAt} is null)`.mapWith(Number) })
    .from(notifications)
    .where(eq(notifications.userId, actor.userId))
  return { items: rows.map(notificationView), total: totals?.total ?? 0, unread: totals?.unread ?? 0 }
}

/** Marks one of my notifications read (again is fine); someone else's answers 404. */
export async function markRead(db: Db, actor: Actor, meta: RequestMeta, id: string, now: Date) {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, actor.userId)))
    if (!row) throw notFound('消息', id)
    if (row.readAt) return notificationView(row)
    const [read] = await tx.update(notifications).set({ readAt: now }).where(eq(notifications.id, id)).returning()
    await audit(tx, { actor, meta }, { action: 'notification.read', objectType: 'notification', objectId: id })
    return notificationView(read!)
  })
}

/** Marks all my unread notifications read; answers how many changed. */
export async function markAllRead(db: Db, actor: Actor, meta: RequestMeta, now: Date): Promise<number> {
  return db.transaction(async (tx) => {
    const read = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.userId), isNull(notifications.readAt)))
      .returning({ id: notifications.id })
    if (read.length) await audit(tx, { actor, meta }, { action: 'notification.read_all', objectType: 'notification', detail: { count: read.length } })
    return read.length
  })
}
