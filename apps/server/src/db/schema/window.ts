import { boolean, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { cases } from './cases'
import { items } from './items'
import { departments, units, users } from './org'
import { at } from './columns'

/**
 * The window's side of the hall beyond acceptance notices (DOMAIN.md §3): arrangements a case was
 * accepted under, the first-ask register, and appointment slots with their bookings.
 */

/**
 * 容缺受理, 联办, 上报, 代办: how the window accepted a case beyond instant/promised. `due` is the date
 * that matters (materials promised, agent's 24-hour delivery); `pending` until fulfilled, `lapsed`
 * when the date passed unmet (tolerate-missing: abandoned).
 */
export const ARRANGEMENT_KINDS = ['tolerate_missing', 'joint', 'escalated', 'agency'] as const
export type ArrangementKind = (typeof ARRANGEMENT_KINDS)[number]
export const ARRANGEMENT_STATUSES = ['pending', 'fulfilled', 'lapsed'] as const

export const caseArrangements = pgTable(
  'case_arrangements',
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
    kind: text('kind', { enum: ARRANGEMENT_KINDS }).notNull(),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull(),
    due: at('due'),
    status: text('status', { enum: ARRANGEMENT_STATUSES }).notNull().default('pending'),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
    resolvedAt: at('resolved_at'),
  },
  (t) => [index('case_arrangements_case').on(t.caseId), index('case_arrangements_due').on(t.status, t.kind, t.due)],
)

/** 首问登记: a question asked at a window, who answered it and where it was referred. */
export const consultations = pgTable(
  'consultations',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** The window where it was asked (首问窗口). */
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    name: text('name').notNull(),
    contact: text('contact').notNull(),
    question: text('question').notNull(),
    itemId: text('item_id').references(() => items.id),
    referredDeptId: text('referred_dept_id').references(() => departments.id),
    handledBy: text('handled_by')
      .notNull()
      .references(() => users.id),
    referralCompleted: boolean('referral_completed').notNull().default(false),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
  },
  (t) => [index('consultations_unit_dept').on(t.unitId, t.deptId, t.createdAt)],
)

/** A bookable time range of one item at its window (预约): `capacity` people may book it. */
export const appointmentSlots = pgTable(
  'appointment_slots',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    /** Local (Asia/Shanghai) date, `YYYY-MM-DD`, for listing a day. */
    date: text('date').notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    capacity: integer('capacity').notNull(),
    createdBy: text('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: at('created_at').notNull(),
  },
  (t) => [index('appointment_slots_item_date').on(t.itemId, t.date), index('appointment_slots_dept_date').on(t.deptId, t.date)],
)

/** `given_up`: more than 30 minutes past the slot's start without check-in (DOMAIN.md §3). */
export const BOOKING_STATUSES = ['booked', 'cancelled', 'checked_in', 'given_up'] as const

export const appointmentBookings = pgTable(
  'appointment_bookings',
  {
    id: text('id').primaryKey(),
    slotId: text('slot_id')
      .notNull()
      .references(() => appointmentSlots.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    applicantId: text('applicant_id')
      .notNull()
      .references(() => users.id),
    status: text('status', { enum: BOOKING_STATUSES }).notNull().default('booked'),
    createdAt: at('created_at').notNull(),
    updatedAt: at('updated_at').notNull(),
    checkedInBy: text('checked_in_by').references(() => users.id),
  },
  (t) => [index('appointment_bookings_slot').on(t.slotId, t.status), index('appointment_bookings_applicant').on(t.applicantId, t.createdAt)],
)
