import { sql } from 'drizzle-orm'
import {
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  
  uniqueIndex,
} from 'drizzle-orm/pg-core'
import { at } from './columns'

/** Timestamps are always stored with their zone; the UI shows them in Asia/Shanghai. */
const createdAt = () => at('created_at').notNull().defaultNow()

export const UNIT_KINDS = ['county', 'town', 'subcenter', 'university', 'other'] as const

/** A unit (单位): county center, town center, university. Every record belongs to one. */
export const units = pgTable('units', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  kind: text('kind', { enum: UNIT_KINDS }).notNull(),
  parentId: text('parent_id'),
  /** Office hours, time zone and calendar overrides used by the engine's working-day calendar. */
  settings: jsonb('settings').$type<UnitSettings>().notNull().default({}),
  createdAt: createdAt(),
})

export interface UnitSettings {
  officeHours?: { start: string; end: string }[]
  timeZone?: string
  /** ISO dates that are holidays (true) or make-up working days (false) for this unit only. */
  calendarOverrides?: Record<string, boolean>
}

export const DEPARTMENT_KINDS = [
  'leadership',
  'office',
  'window',
  'supervision',
  'college',
  'class',
  'teaching',
  'club',
  'party',
  'other',
] as const

/** Departments and windows (部门/窗口), nested to any depth inside a unit. */
export const departments = pgTable(
  'departments',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    parentId: text('parent_id'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: DEPARTMENT_KINDS }).notNull().default('office'),
    headUserId: text('head_user_id'),
    sort: integer('sort').notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('departments_unit_code').on(t.unitId, t.code), index('departments_parent').on(t.parentId)],
)

export const USER_STATUSES = ['active', 'disabled'] as const

/** People who sign in. The user name is unique across the installation (one identity system). */
export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    username: text('username').notNull(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    phone: text('phone'),
    idNumber: text('id_number'),
    /** Null: no local password (single sign-on only, or not yet issued). */
    passwordHash: text('password_hash'),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    status: text('status', { enum: USER_STATUSES }).notNull().default('active'),
    createdAt: createdAt(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_username').on(sql`lower(${t.username})`), index('users_unit').on(t.unitId)],
)

/** A user may belong to several departments; one is primary (the default for "my department"). */
export const userDepartments = pgTable(
  'user_departments',
  {
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    isPrimary: boolean('is_primary').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.userId, t.deptId] }), index('user_departments_dept').on(t.deptId)],
)

/** A post (岗位) with its A holder; B holders are ordered in `post_b_holders` (AB岗). */
export const posts = pgTable(
  'posts',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    aUserId: text('a_user_id').references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('posts_unit_code').on(t.unitId, t.code)],
)

export const postBHolders = pgTable(
  'post_b_holders',
  {
    postId: text('post_id')
      .notNull()
      .references(() => posts.id, { onDelete: 'cascade' }),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    rank: integer('rank').notNull(),
  },
  (t) => [primaryKey({ columns: [t.postId, t.userId] }), uniqueIndex('post_b_holders_rank').on(t.postId, t.rank)],
)

export const ROLES = ['platform_admin', 'unit_admin', 'hall_admin', 'window_staff', 'approver', 'applicant'] as const
export type Role = (typeof ROLES)[number]

/** A role granted to a user in a unit, optionally limited to a department subtree. */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    role: text('role', { enum: ROLES }).notNull(),
    /** Null: the whole unit. Otherwise the grant covers this department and everything below it. */
    deptId: text('dept_id').references(() => departments.id),
    /** Whether the holder may grant this role (or a lower one) further down, level by level. */
    canDelegate: boolean('can_delegate').notNull().default(false),
    grantedBy: text('granted_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('role_grants_unique').on(t.unitId, t.userId, t.role, sql`coalesce(${t.deptId}, '')`),
    index('role_grants_user').on(t.userId),
  ],
)

export const ABSENCE_KINDS = ['leave', 'business_trip', 'meeting', 'other'] as const

/** Absences hand a post's work to its B holders for their period (DOMAIN.md §1). */
export const absences = pgTable(
  'absences',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    userId: text('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind', { enum: ABSENCE_KINDS }).notNull(),
    startsAt: at('starts_at').notNull(),
    endsAt: at('ends_at').notNull(),
    reason: text('reason'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [check('absences_period', sql`${t.endsAt} > ${t.startsAt}`), index('absences_user').on(t.userId)],
)
