import { index, integer, jsonb, numeric, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { departments, units, users } from './org'

/**
 * The built-in data center (数据中心, DOMAIN.md §7): the institution's master data that forms
 * pre-fill from. External sources (a PostgreSQL schema, an HTTP endpoint) plug in beside it.
 */

export const PERSON_KINDS = ['student', 'teacher', 'staff', 'citizen'] as const

/** People known to the institution, linked to a sign-in account when they have one. */
export const dcPeople = pgTable(
  'dc_people',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    userId: text('user_id').references(() => users.id),
    kind: text('kind', { enum: PERSON_KINDS }).notNull(),
    /** 学号 / 工号 / 编号. */
    personNo: text('person_no').notNull(),
    name: text('name').notNull(),
    gender: text('gender'),
    idNumber: text('id_number'),
    phone: text('phone'),
    email: text('email'),
    deptId: text('dept_id').references(() => departments.id),
    /** A student's class (a department of kind `class`). */
    classDeptId: text('class_dept_id').references(() => departments.id),
    /** A student's counsellor (辅导员). */
    counsellorUserId: text('counsellor_user_id').references(() => users.id),
    title: text('title'),
    enrolYear: integer('enrol_year'),
    extra: jsonb('extra').$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [index('dc_people_unit_no').on(t.unitId, t.personNo), index('dc_people_user').on(t.userId)],
)

export const dcCourses = pgTable('dc_courses', {
  id: text('id').primaryKey(),
  unitId: text('unit_id')
    .notNull()
    .references(() => units.id),
  code: text('code').notNull(),
  name: text('name').notNull(),
  teacherPersonId: text('teacher_person_id').references(() => dcPeople.id),
  deptId: text('dept_id').references(() => departments.id),
  credits: numeric('credits', { precision: 4, scale: 1 }),
  room: text('room'),
  /** e.g. 周二 3-4节. */
  schedule: text('schedule'),
})

export const dcEnrolments = pgTable(
  'dc_enrolments',
  {
    courseId: text('course_id')
      .notNull()
      .references(() => dcCourses.id),
    personId: text('person_id')
      .notNull()
      .references(() => dcPeople.id),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.personId] })],
)

/** Code tables (数据标准): gender, leave types, regions… Options of selects come from here. */
export const dcCodes = pgTable(
  'dc_codes',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    tableCode: text('table_code').notNull(),
    code: text('code').notNull(),
    label: text('label').notNull(),
    parentCode: text('parent_code'),
    sort: integer('sort').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.tableCode, t.code] })],
)
