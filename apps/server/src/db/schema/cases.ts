import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core'
import { itemVersions, items } from './items'
import { departments, units, users } from './org'

/**
 * Cases (办件, DOMAIN.md §3): one application of one published item version, from draft to result.
 * The engine instance carries the steps; the case row carries what the hall shows and counts:
 * its number, applicant, status, form data, and the applicant's evaluation and complaints.
 */
const at = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })

export const CASE_STATUSES = ['draft', 'running', 'supplement', 'completed', 'rejected', 'withdrawn', 'terminated'] as const
export type CaseStatus = (typeof CASE_STATUSES)[number]

/** Online: the applicant submitted it; desk: window staff registered it for someone at the counter. */
export const INTAKE_KINDS = ['online', 'desk'] as const

export const cases = pgTable(
  'cases',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    itemVersionId: text('item_version_id')
      .notNull()
      .references(() => itemVersions.id),
    /** The item's accepting department or window, copied so window staff's lists need no join. */
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    /** 办件编号: local date + daily sequence, unique per unit; null while a draft. */
    caseNo: text('case_no'),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: CASE_STATUSES }).notNull().default('draft'),
    /** The engine's final outcome (`agree`, `disagree`, `rejected`, `withdrawn`…) once ended. */
    outcome: text('outcome'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** Rises on every save so a stale autosave gets a conflict, not a silent overwrite. */
    revision: integer('revision').notNull().default(1),
    intake: text('intake', { enum: INTAKE_KINDS }).notNull().default('online'),
    instanceId: text('instance_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    submittedAt: at('submitted_at'),
    completedAt: at('completed_at'),
    /** Promised completion (承诺时限) as the engine computed it at submit. */
    promiseDue: at('promise_due'),
  },
  (t) => [
    uniqueIndex('cases_unit_case_no').on(t.unitId, t.caseNo),
    uniqueIndex('cases_instance').on(t.instanceId),
    index('cases_applicant').on(t.applicantId, t.createdAt),
    index('cases_dept_status').on(t.deptId, t.status),
  ],
)

/** The last case number handed out per unit and local day; an upsert makes numbering race-safe. */
export const caseCounters = pgTable(
  'case_counters',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    day: text('day').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.day] })],
)

/** 服务评价: satisfaction = (satisfied + basically satisfied) / all (DOMAIN.md §5). */
export const RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const

export const evaluations = pgTable(
  'evaluations',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    rating: text('rating', { enum: RATINGS }).notNull(),
    comment: text('comment'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [uniqueIndex('evaluations_case').on(t.caseId), index('evaluations_unit_dept').on(t.unitId, t.deptId, t.createdAt)],
)

export const COMPLAINT_STATUSES = ['open', 'handling', 'closed'] as const

/** An applicant's complaint about a case; the unit's supervision office handles it. */
export const complaints = pgTable(
  'complaints',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    complainantId: text('complainant_id')
      .notNull()
      .references(() => users.id),
    text: text('text').notNull(),
    status: text('status', { enum: COMPLAINT_STATUSES }).notNull().default('open'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('complaints_unit_status').on(t.unitId, t.status, t.createdAt), index('complaints_case').on(t.caseId)],
)
