import type { FormSchema } from '@hall/form-schema'
import { index, integer, json, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import type { Guide } from '@hall/guide'
import { departments, units, users } from './org'
import { at } from './columns'

/**
 * Service items (事项, DOMAIN.md §2): an item is guide + form + process. The draft is the one
 * mutable working copy; every publish freezes it into an `item_versions` row that is never changed
 * again (a trigger refuses UPDATE and DELETE), so running cases keep the version they started on.
 * Guide and form are `json`, not `jsonb`: json keeps the text as written, so the order of a form's
 * fields (object key order) survives the round trip.
 */

export const ITEM_STATUSES = ['active', 'retired'] as const

export const items = pgTable(
  'items',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** The accepting department or window (受理部门/窗口). */
    deptId: text('dept_id')
      .notNull()
      .references(() => departments.id),
    /** Stable within the unit; the process key of every version is derived from it. */
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** Retired items accept no new cases; their running cases go on. */
    status: text('status', { enum: ITEM_STATUSES }).notNull().default('active'),
    /** The newest published version, null until the first publish. */
    latestVersion: integer('latest_version'),
    createdAt: at('created_at').notNull().defaultNow(),
    createdBy: text('created_by').references(() => users.id),
  },
  (t) => [uniqueIndex('items_unit_code').on(t.unitId, t.code), index('items_dept').on(t.deptId)],
)

/** The working copy; `revision` rises on every save so a stale editor gets a conflict, not a silent overwrite. */
export const itemDrafts = pgTable('item_drafts', {
  itemId: text('item_id')
    .primaryKey()
    .references(() => items.id),
  guide: json('guide').$type<Guide>().notNull(),
  form: json('form').$type<FormSchema>().notNull(),
  bpmn: text('bpmn').notNull(),
  revision: integer('revision').notNull().default(1),
  updatedAt: at('updated_at').notNull().defaultNow(),
  updatedBy: text('updated_by').references(() => users.id),
})

/** A published, immutable version. `definitionId` is the engine deployment its cases run on. */
export const itemVersions = pgTable(
  'item_versions',
  {
    id: text('id').primaryKey(),
    itemId: text('item_id')
      .notNull()
      .references(() => items.id),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    version: integer('version').notNull(),
    guide: json('guide').$type<Guide>().notNull(),
    form: json('form').$type<FormSchema>().notNull(),
    bpmn: text('bpmn').notNull(),
    definitionId: text('definition_id').notNull(),
    /** Set when an older version was published again as this one. */
    republishedFrom: integer('republished_from'),
    note: text('note'),
    publishedAt: at('published_at').notNull().defaultNow(),
    publishedBy: text('published_by').references(() => users.id),
  },
  (t) => [uniqueIndex('item_versions_item_version').on(t.itemId, t.version), index('item_versions_unit').on(t.unitId)],
)
