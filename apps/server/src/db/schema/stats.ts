import { bigint, boolean, date, doublePrecision, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core'
import { at } from './columns'

/**
 * Statistics (issue 7) are derived rows, never a source of truth: `hall stats rebuild` drops and
 * recomputes them from history events, case rows, evaluations and notices. The worker keeps them
 * current incrementally (modules/stats/refresh.ts), so dashboards read a few thousand rows
 * instead of a million cases.
 */

/** How a case ended, for counting: a decision (办结) is `completed` or `rejected`; `returned` is refused at intake. */
export const CASE_RESULTS = ['completed', 'rejected', 'returned', 'withdrawn', 'terminated'] as const

/**
 * One row per submitted case: what its history says about it. Days are Beijing calendar days.
 * `handlingWd` is office time from submission to result minus the suspended (补正) time, in working days.
 */
export const statsCaseFacts = pgTable(
  'stats_case_facts',
  {
    caseId: text('case_id').primaryKey(),
    unitId: text('unit_id').notNull(),
    deptId: text('dept_id').notNull(),
    itemId: text('item_id').notNull(),
    /** Who handled it: the window clerk who accepted it, else whoever completed (or refused) its first step; '' while nobody has. */
    handlerId: text('handler_id').notNull(),
    online: integer('online').notNull(),
    receivedDay: date('received_day', { mode: 'string' }).notNull(),
    endedDay: date('ended_day', { mode: 'string' }),
    result: text('result', { enum: CASE_RESULTS }),
    /** The day the process went past its promised time (`process.overdue`), if it did. */
    overdueDay: date('overdue_day', { mode: 'string' }),
    onTime: integer('on_time').notNull(),
    supplemented: integer('supplemented').notNull(),
    /** 1 when rated 满意 or 基本满意, 0 when 不满意, null when not rated. */
    satisfied: integer('satisfied'),
    handlingWd: doublePrecision('handling_wd'),
  },
  (t) => [
    index('stats_case_facts_ended').on(t.unitId, t.endedDay),
    index('stats_case_facts_dept_ended').on(t.unitId, t.deptId, t.endedDay),
    // A median narrowed to one item or handler buckets that item's or handler's facts (the histogram is per window).
    index('stats_case_facts_item_ended').on(t.unitId, t.itemId, t.endedDay),
    index('stats_case_facts_handler_ended').on(t.unitId, t.handlerId, t.endedDay),
  ],
)

/** The counters of a rollup row: what a case adds to the day it was received, ended or went overdue. */
const rollupColumns = () => ({
  unitId: text('unit_id').notNull(),
  /** The day; in the monthly tables the first of the month. */
  day: date('day', { mode: 'string' }).notNull(),
  deptId: text('dept_id').notNull(),
  itemId: text('item_id').notNull(),
  handlerId: text('handler_id').notNull(),
  received: integer('received').notNull(),
  online: integer('online').notNull(),
  returned: integer('returned').notNull(),
  supplemented: integer('supplemented').notNull(),
  ended: integer('ended').notNull(),
  completed: integer('completed').notNull(),
  onTime: integer('on_time').notNull(),
  overdue: integer('overdue').notNull(),
  handlingWdSum: doublePrecision('handling_wd_sum').notNull(),
  evaluated: integer('evaluated').notNull(),
  satisfied: integer('satisfied').notNull(),
})

/**
 * The daily rollup: counters per unit, day, window, item, handler. Each case adds to the day it
 * was received (received, online, returned, supplemented), the day it ended (ended, completed,
 * onTime, handling, evaluated, satisfied) and the day it went overdue (overdue).
 */
export const statsDaily = pgTable('stats_daily', rollupColumns(), (t) => [
  primaryKey({ columns: [t.unitId, t.day, t.deptId, t.itemId, t.handlerId] }),
  index('stats_daily_dept').on(t.unitId, t.deptId, t.day),
])

/**
 * The same counters summed per month (`day` = the 1st), so a year reads twelve rows per window,
 * item and handler instead of 365; ranges read whole months here and their ragged ends daily.
 */
export const statsMonthly = pgTable('stats_monthly', rollupColumns(), (t) => [
  primaryKey({ columns: [t.unitId, t.day, t.deptId, t.itemId, t.handlerId] }),
  index('stats_monthly_dept').on(t.unitId, t.deptId, t.day),
])

const handlingColumns = () => ({
  unitId: text('unit_id').notNull(),
  /** The day ended; in the monthly table the first of the month. */
  day: date('day', { mode: 'string' }).notNull(),
  deptId: text('dept_id').notNull(),
  tenths: integer('tenths').notNull(),
  cases: integer('cases').notNull(),
})

/**
 * The handling-time histogram: decided cases per unit, day ended, window and tenth of a working day
 * (`tenths` 23 = 2.3–2.39 wd; the last bucket, 600 (HANDLING_CAP_TENTHS in modules/stats/rollup.ts), holds 60 days and more).
 * Medians come from here, exact to the tenth, instead of sorting the facts.
 */
export const statsHandling = pgTable('stats_handling', handlingColumns(), (t) => [primaryKey({ columns: [t.unitId, t.day, t.deptId, t.tenths] })])

/** The histogram summed per month, read for the whole months of a range like `stats_monthly`. */
export const statsHandlingMonthly = pgTable('stats_handling_monthly', handlingColumns(), (t) => [primaryKey({ columns: [t.unitId, t.day, t.deptId, t.tenths] })])

/**
 * The running backlog (在办) per window: cases received by the end of `day` and not ended by then.
 * A row on each day the window received or ended something, so the backlog on any day is the
 * window's latest row up to it.
 */
export const statsBacklog = pgTable(
  'stats_backlog',
  {
    unitId: text('unit_id').notNull(),
    deptId: text('dept_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    open: integer('open').notNull(),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.deptId, t.day] })],
)

/**
 * The working-day calendar as SQL reads it, so facts are computed where the cases are: whether a
 * Beijing day is a working day and the office time from 2000-01-01 to its midnight. Handling
 * time is then a difference of two lookups.
 */
export const statsWorkingDays = pgTable('stats_working_days', {
  day: date('day', { mode: 'string' }).primaryKey(),
  working: boolean('working').notNull(),
  msBefore: doublePrecision('ms_before').notNull(),
})

/** How far the incremental refresh has read each source; the next refresh starts after it. */
export const statsWatermarks = pgTable('stats_watermarks', {
  id: text('id').primaryKey(),
  historyId: bigint('history_id', { mode: 'number' }).notNull(),
  changedAt: at('changed_at').notNull(),
})
