import { index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { itemVersions, items } from './items'
import { departments, units, users } from './org'
import { at } from './columns'

/**
 * Cases (办件, DOMAIN.md §3): one application of one published item version, from draft to result.
 * The engine instance carries the steps; the case row carries what the hall shows and counts:
 * its number, applicant, status, form data, and the applicant's evaluation and complaints.
 */

/** `returned` (退回件) is refused at intake by the window; `rejected` (驳回) by an approver later. */
export const CASE_STATUSES = ['draft', 'running', 'supplement', 'completed', 'rejected', 'returned', 'withdrawn', 'terminated'] as const
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
    /** Who registered it: the applicant online, or the window clerk at the desk. */
    createdBy: text('created_by').references(() => users.id),
    instanceId: text('instance_id'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    submittedAt: at('submitted_at'),
    completedAt: at('completed_at'),
    /** Promised completion (承诺时限) as the engine computed it at submit. */
    promiseDue: at('promise_due'),
    /** Window acceptance (受理): when and by whom; null until a window accepts it. */
    acceptedAt: at('accepted_at'),
    acceptedBy: text('accepted_by').references(() => users.id),
  },
  (t) => [
    uniqueIndex('cases_unit_case_no').on(t.unitId, t.caseNo),
    uniqueIndex('cases_instance').on(t.instanceId),
    index('cases_applicant').on(t.applicantId, t.createdAt),
    index('cases_dept_status').on(t.deptId, t.status),
    // The statistics refresh asks every half minute which cases changed since its watermark.
    index('cases_updated').on(t.updatedAt),
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
/** The supervision office's finding: 属实 (upheld, it counts against the assessment) or 不属实. */
export const COMPLAINT_DECISIONS = ['upheld', 'dismissed'] as const

/** An applicant's complaint about a case; the unit's supervision office decides it (and closes it). */
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
    decision: text('decision', { enum: COMPLAINT_DECISIONS }),
    /** The staff member an upheld complaint is held against; null: the window as a whole. */
    responsibleId: text('responsible_id').references(() => users.id),
    decisionNote: text('decision_note'),
    decidedBy: text('decided_by').references(() => users.id),
    decidedAt: at('decided_at'),
  },
  (t) => [index('complaints_unit_status').on(t.unitId, t.status, t.createdAt), index('complaints_case').on(t.caseId)],
)

/** Written notices of window acceptance (DOMAIN.md §3), delay feedback (滞办反馈, §4) and evaluation invitations (§5); the runtime prints them from `data`. */
/** `evaluation` (服务评价邀请): the window asks the applicant of a finished case to rate the service. */
export const NOTICE_KINDS = ['acceptance', 'supplement', 'refusal', 'tolerate_missing', 'joint', 'escalated', 'agency', 'delay', 'evaluation'] as const

export const caseNotices = pgTable(
  'case_notices',
  {
    id: text('id').primaryKey(),
    caseId: text('case_id')
      .notNull()
      .references(() => cases.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    kind: text('kind', { enum: NOTICE_KINDS }).notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
  },
  (t) => [index('case_notices_case').on(t.caseId, t.createdAt)],
)

/** Rule breaches the system can see, for assessment (DOMAIN.md §5): a second notice asking for a checklist item. */
export const BREACH_KINDS = ['one_time_notice'] as const

export const caseBreaches = pgTable(
  'case_breaches',
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
    kind: text('kind', { enum: BREACH_KINDS }).notNull(),
    /** The staff member who asked again. */
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('case_breaches_unit').on(t.unitId, t.kind, t.createdAt)],
)

export const FILING_STATUSES = ['pending', 'reviewed'] as const

/** 否决事项报备: every returned (refused) case is filed for the window head's review. */
export const negativeFilings = pgTable(
  'negative_filings',
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
    handlerId: text('handler_id')
      .notNull()
      .references(() => users.id),
    /** The window head who reviews it; null when the window has no head. */
    reviewerId: text('reviewer_id').references(() => users.id),
    reasons: text('reasons').notNull(),
    legalBasis: text('legal_basis').notNull(),
    status: text('status', { enum: FILING_STATUSES }).notNull().default('pending'),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('negative_filings_reviewer').on(t.reviewerId, t.status)],
)
