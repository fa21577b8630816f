import type { HistoryEvent, InstanceState } from '@hall/process-engine'
import { sql } from 'drizzle-orm'
import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { at } from './columns'

/**
 * The process engine's rows (see @hall/process-engine `Store`): instance state is one JSON document
 * with a version for optimistic locking; tasks, jobs and history are rows so they can be queried
 * (inboxes, supervision, statistics) without opening documents.
 */

export const engineDefinitions = pgTable(
  'engine_definitions',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    name: text('name'),
    xml: text('xml').notNull(),
    deployedAt: at('deployed_at').notNull(),
  },
  (t) => [uniqueIndex('engine_definitions_key_version').on(t.key, t.version)],
)

export const engineInstances = pgTable(
  'engine_instances',
  {
    id: text('id').primaryKey(),
    definitionId: text('definition_id').notNull(),
    /** Copied from the document on every save, for queries. */
    status: text('status').notNull(),
    state: jsonb('state').$type<InstanceState>().notNull(),
    version: integer('version').notNull(),
  },
  (t) => [index('engine_instances_status').on(t.status)],
)

export const engineTasks = pgTable(
  'engine_tasks',
  {
    id: text('id').primaryKey(),
    instanceId: text('instance_id').notNull(),
    definitionId: text('definition_id').notNull(),
    element: text('element').notNull(),
    name: text('name'),
    tokenId: text('token_id').notNull(),
    assignee: text('assignee'),
    candidates: text('candidates').array().notNull(),
    owner: text('owner'),
    status: text('status').notNull(),
    signerFor: text('signer_for'),
    form: text('form'),
    createdAt: at('created_at').notNull(),
    due: at('due'),
    warnAt: at('warn_at'),
    completedAt: at('completed_at'),
    completedBy: text('completed_by'),
    outcome: text('outcome'),
    comment: text('comment'),
  },
  (t) => [
    index('engine_tasks_instance').on(t.instanceId),
    index('engine_tasks_assignee_status').on(t.assignee, t.status),
    // Only unassigned tasks are looked up by candidate (`assignee is null and candidates @> …`):
    // a task with an assignee costs no GIN entry on each insert and update.
    index('engine_tasks_candidates').using('gin', t.candidates).where(sql`${t.assignee} is null`),
  ],
)

export const engineJobs = pgTable(
  'engine_jobs',
  {
    id: text('id').primaryKey(),
    /** Null on a definition's own jobs (process-level timer start events), which name `definition_id` instead. */
    instanceId: text('instance_id'),
    definitionId: text('definition_id'),
    type: text('type').notNull(),
    dueAt: at('due_at').notNull(),
    taskId: text('task_id'),
    tokenId: text('token_id'),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    lockOwner: text('lock_owner'),
    lockExpiresAt: at('lock_expires_at'),
  },
  (t) => [index('engine_jobs_due').on(t.dueAt), index('engine_jobs_instance').on(t.instanceId), index('engine_jobs_definition').on(t.definitionId)],
)

/** Append-only; the identity column keeps append order. Statistics and supervision read it. */
export const engineHistory = pgTable(
  'engine_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    instanceId: text('instance_id').notNull(),
    type: text('type').notNull(),
    at: at('at').notNull(),
    element: text('element'),
    actor: text('actor'),
    taskId: text('task_id'),
    due: at('due'),
    outcome: text('outcome'),
    data: jsonb('data').$type<NonNullable<HistoryEvent['data']>>(),
  },
  (t) => [
    index('engine_history_instance').on(t.instanceId, t.id),
    // The types read across instances (CC inbox, supervision alerts, assessment by month), and
    // only those: most events (activity entered and completed…) are read by instance, and the
    // largest table is spared an index entry for each of them. A query by another type across
    // instances must add its type here.
    index('engine_history_type_at')
      .on(t.type, t.at)
      .where(sql`${t.type} in ('process.cc', 'task.warned', 'task.overdue', 'process.completed', 'process.terminated')`),
  ],
)
