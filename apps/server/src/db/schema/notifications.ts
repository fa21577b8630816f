import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { cases } from './cases'
import { units, users } from './org'
import { at } from './columns'

/** What a notification is about; the runtime picks its icon and wording by it. */
export const NOTIFICATION_KINDS = ['task.assigned', 'case.completed', 'case.rejected', 'case.returned', 'case.supplement', 'case.joint', 'supervision.warned', 'supervision.overdue', 'case.evaluation_invited', 'complaint.decided'] as const
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number]

/**
 * In-app notifications (站内消息): one row per recipient. Email and SMS channels send copies of the
 * same message; the row is what the bell counts and the notifications page lists.
 */
export const notifications = pgTable(
  'notifications',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: NOTIFICATION_KINDS }).notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Where a click goes in the runtime, e.g. `/cases/{id}`. */
    link: text('link').notNull(),
    caseId: text('case_id').references(() => cases.id),
    createdAt: at('created_at').notNull(),
    readAt: at('read_at'),
  },
  (t) => [index('notifications_user').on(t.userId, t.readAt, t.createdAt)],
)
