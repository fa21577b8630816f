import { index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { units } from './org'
import { at } from './columns'

/**
 * Records written back (`x-collect`) to named targets when a case completes: one row per record
 * (a sub-table row gives one each), queryable and exportable by the unit's administrators.
 */
export const dcCollected = pgTable(
  'dc_collected',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    itemKey: text('item_key').notNull(),
    /** The completed case; no foreign key until the cases module exists. */
    caseId: text('case_id').notNull(),
    /** The named target of `x-collect` (`expense-ledger`). */
    target: text('target').notNull(),
    record: jsonb('record').$type<Record<string, unknown>>().notNull(),
    /** Order of the record within its case's write-back (sub-table row order). */
    position: integer('position').notNull().default(0),
    collectedAt: at('collected_at').notNull().defaultNow(),
  },
  (t) => [index('dc_collected_unit_target').on(t.unitId, t.target, t.collectedAt), index('dc_collected_case').on(t.caseId)],
)
