import {
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { cases } from './cases'
import { units, users } from './org'
import { at } from './columns'

/**
 * Electronic supervision (电子监察, DOMAIN.md §4) and staff/window assessment (考评, §5): the
 * alerts raised when a step warns or goes overdue, extension requests (延期) and their decision,
 * the per-unit rule table and the supervision office's manual entries.
 */

export const ALERT_LEVELS = ['warn', 'overdue'] as const
export type AlertLevel = (typeof ALERT_LEVELS)[number]

/**
 * One alert per step and level (the unique index makes the worker step idempotent). `notify`
 * holds who was told (the handler and the window head); the same transaction notified them.
 */
export const supervisionAlerts = pgTable(
  'supervision_alerts',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    taskId: text('task_id').notNull(),
    level: text('level', { enum: ALERT_LEVELS }).notNull(),
    /** The step's warn or due time that was passed. */
    at: at('at').notNull(),
    notify: text('notify').array().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('supervision_alerts_task_level').on(t.taskId, t.level),
    index('supervision_alerts_unit').on(t.unitId, t.createdAt),
  ],
)

export const EXTENSION_STATUSES = ['pending', 'approved', 'refused'] as const

/** 延期申请: a handler asks for n more working days on a case; the window head or supervision office decides. */
export const extensionRequests = pgTable(
  'extension_requests',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    /** The step the handler holds when asking. */
    taskId: text('task_id').notNull(),
    workingDays: integer('working_days').notNull(),
    reason: text('reason').notNull(),
    status: text('status', { enum: EXTENSION_STATUSES }).notNull().default('pending'),
    requestedBy: text('requested_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('extension_requests_unit_status').on(t.unitId, t.status, t.createdAt),
    index('extension_requests_case').on(t.caseId),
  ],
)

/**
 * A unit's changes to the default assessment rules (modules/assessment/rules.ts): a rule without
 * a row here scores with its DOMAIN.md §5 default.
 */
export const assessmentRules = pgTable(
  'assessment_rules',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    points: real('points').notNull(),
    /** Largest total a rule may add (bonus caps); null: uncapped. */
    cap: real('cap'),
    /** A rate (0–1) or score threshold the rule compares against; null when it has none. */
    threshold: real('threshold'),
    enabled: integer('enabled').notNull().default(1),
    updatedAt: at('updated_at').notNull(),
    updatedBy: text('updated_by').references(() => users.id),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.code] })],
)

export const ASSESSMENT_SUBJECTS = ['staff', 'window'] as const

/** 手工加减分: the supervision office's deductions (< 0) and bonuses (> 0) for one month, with the reason. */
export const assessmentEntries = pgTable(
  'assessment_entries',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** `YYYY-MM`, Beijing time. */
    month: text('month').notNull(),
    subjectType: text('subject_type', { enum: ASSESSMENT_SUBJECTS }).notNull(),
    /** A user id (staff) or department id (window). */
    subjectId: text('subject_id').notNull(),
    points: real('points').notNull(),
    reason: text('reason').notNull(),
    /** 一票否决: puts the subject on the quarter's negative list (no star, no leading window). */
    negative: integer('negative').notNull().default(0),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('assessment_entries_unit_month').on(t.unitId, t.month)],
)
