import { bigint, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { at } from './columns'

/**
 * Append-only audit trail: who did what to which object, when and from where. A database trigger
 * (migration 0001) refuses UPDATE and DELETE, and no route writes it except through `audit()`.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    at: at('at').notNull().defaultNow(),
    unitId: text('unit_id'),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    detail: jsonb('detail').$type<Record<string, unknown>>(),
  },
  (t) => [
    index('audit_log_unit_at').on(t.unitId, t.at),
    index('audit_log_object').on(t.objectType, t.objectId),
    index('audit_log_actor').on(t.actorId),
  ],
)
