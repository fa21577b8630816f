import { index, pgTable, text } from 'drizzle-orm/pg-core'
import { cases } from './cases'
import { bytea } from './files'
import { absences, units, users } from './org'
import { at } from './columns'

/**
 * Handwritten signatures (手写签名) captured when an approver agrees or disagrees, one per
 * completed task; the print of a finished case shows them beside each opinion. The bytes were
 * checked to be a PNG of at most 200 KB on arrival.
 */
export const taskSignatures = pgTable(
  'task_signatures',
  {
    /** The engine task the signature closed; a task completes once. */
    taskId: text('task_id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    signerId: text('signer_id')
      .notNull()
      .references(() => users.id),
    png: bytea('png').notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('task_signatures_case').on(t.caseId)],
)

/** `handover`: A is away, the task goes to the B holder; `handback`: A is back, it returns. */
export const HANDOVER_DIRECTIONS = ['handover', 'handback'] as const

/**
 * AB-post handovers (交接记录, DOMAIN.md §1): each open task moved from an absent holder to the
 * present B holder, and back on return, with the absence that caused it. The window head reads
 * them; the engine's own `task.reassigned` history carries the same move for the case timeline.
 */
export const taskHandovers = pgTable(
  'task_handovers',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    absenceId: text('absence_id').references(() => absences.id, { onDelete: 'set null' }),
    taskId: text('task_id').notNull(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** The post's department: its head (the window head) answers for the handover and sees it. */
    deptId: text('dept_id').notNull(),
    postId: text('post_id').notNull(),
    direction: text('direction', { enum: HANDOVER_DIRECTIONS }).notNull(),
    fromUserId: text('from_user_id')
      .notNull()
      .references(() => users.id),
    toUserId: text('to_user_id')
      .notNull()
      .references(() => users.id),
    at: at('at').notNull(),
  },
  (t) => [
    index('task_handovers_unit_at').on(t.unitId, t.at),
    index('task_handovers_task').on(t.taskId),
  ],
)
