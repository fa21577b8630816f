import { AsyncLocalStorage } from 'node:async_hooks'
import {
  VersionConflict,
  type DeployedDefinition,
  type HistoryEvent,
  type JobOwner,
  type JobRow,
  type Store,
  type StoreTx,
  type TaskQuery,
  type TaskRow,
} from '@hall/process-engine'
import { and, asc, desc, eq, inArray, isNull, lte, or, type SQL } from 'drizzle-orm'
import type { Db } from '../db/client'
import { engineDefinitions, engineHistory, engineInstances, engineJobs, engineTasks } from '../db/schema'
import { Pipeline } from './pipeline'
import { columnsOf, mapRow, matching, Params, run, selectList } from './statement'
import type { Match } from './write-batch'

/**
 * The engine's Store on PostgreSQL (PGlite or a server) through drizzle. Each engine command runs
 * in one database transaction, opened at its first write, with its writes pipelined (see
 * {@link Pipeline}); instance saves are compare-and-set on `version`; due jobs are claimed with
 * `FOR UPDATE SKIP LOCKED` so any number of workers share them without doubles.
 * The engine speaks ISO strings; the database keeps timestamptz.
 */
export function createDrizzleStore(db: Db): Store {
  return {
    async transaction(work) {
      const caller = openScope.getStore()
      // Inside a caller's transaction the unit joins it: its own transaction is a savepoint there.
      const unit = caller?.kind === 'caller' ? new Pipeline(caller.tx, { joined: true }) : new Pipeline(db)
      return openScope.run({ kind: 'unit', unit }, async () => {
        try {
          const result = await work(storeTx(unit))
          await unit.commit()
          return result
        } catch (error) {
          await unit.rollback(error)
          throw error
        }
      })
    },
  }
}

/**
 * Runs `work` in one database transaction; engine commands called inside it join that transaction
 * (each as a savepoint, opened at its first write). A case row and the engine rows it depends on
 * (publish: the deployment and the version; submit: the case and its instance) so commit or roll back together.
 */
export async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const parent = openScope.getStore()
  const outer = await currentDb(db)
  // A nested call is a savepoint: its hooks wait for the outermost commit.
  const hooks = parent?.kind === 'caller' ? parent.hooks : []
  const result = await outer.transaction((tx) => openScope.run({ kind: 'caller', tx, hooks }, () => work(tx)))
  if (parent?.kind !== 'caller') for (const hook of hooks) await hook()
  return result
}

/** Work to do once the data it announces is visible to everyone (live events, notifications). */
export type CommitHook = () => Promise<void>

/**
 * Runs `hook` after the caller's transaction ({@link inTransaction}) commits, and never if it rolls
 * back; outside one (a worker's own engine unit, already committed) it runs at once. A hook must
 * not throw: the data is committed and the caller's answer must not turn into an error.
 */
export function afterCommit(hook: CommitHook): Promise<void> {
  const scope = openScope.getStore()
  if (scope?.kind === 'caller') {
    scope.hooks.push(hook)
    return Promise.resolve()
  }
  return hook()
}

/**
 * Runs `work` in the transaction of the engine unit running now (a `beforeCommit` hook), so the
 * host's writes commit or roll back with the engine's; outside a unit, in a transaction of its own.
 */
export function inEngineUnit<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const scope = openScope.getStore()
  return scope?.kind === 'unit' ? scope.unit.within(work) : inTransaction(db, work)
}

/** What the code running now is inside: a caller's transaction ({@link inTransaction}) or an engine command's unit. */
const openScope = new AsyncLocalStorage<{ kind: 'caller'; tx: Db; hooks: CommitHook[] } | { kind: 'unit'; unit: Pipeline }>()

/**
 * Where the engine command running now reads (its transaction once open), else the database.
 * Lookups the engine makes through injected services (the org resolver) must read there: PGlite
 * has one connection, and a query outside the open transaction would wait for it forever.
 */
export function currentDb(db: Db): Promise<Db> {
  const scope = openScope.getStore()
  return scope?.kind === 'unit' ? scope.unit.reader() : Promise.resolve(scope?.tx ?? db)
}

const iso = (date: Date | null) => (date ? date.toISOString() : null)
const date = (value: string | null) => (value ? new Date(value) : null)

type TaskRecord = typeof engineTasks.$inferSelect
type InstanceRecord = typeof engineInstances.$inferSelect

/** The hot reads' tables, for statements written as text (statement.ts). */
const tasks = columnsOf(engineTasks)
const instances = columnsOf(engineInstances)
/** A task and its instance's document and version, in one statement (one snapshot). */
const TASK_WITH_INSTANCE = `select ${selectList(tasks, 't')}, i."state" as instance_state, i."version" as instance_version from ${tasks.name} t left join ${instances.name} i on i."id" = t."instance_id" where t."id" = $1`
type JobRecord = typeof engineJobs.$inferSelect

const toTask = (row: TaskRecord): TaskRow => ({
  ...row,
  createdAt: row.createdAt.toISOString(),
  due: iso(row.due),
  warnAt: iso(row.warnAt),
  completedAt: iso(row.completedAt),
  status: row.status as TaskRow['status'],
})

const fromTask = (task: TaskRow): typeof engineTasks.$inferInsert => ({
  ...task,
  createdAt: new Date(task.createdAt),
  due: date(task.due),
  warnAt: date(task.warnAt),
  completedAt: date(task.completedAt),
})

const toJob = (row: JobRecord): JobRow => ({
  ...row,
  type: row.type as JobRow['type'],
  dueAt: row.dueAt.toISOString(),
  lockExpiresAt: iso(row.lockExpiresAt),
})

/** An instance's jobs, or a definition's own (timer starts: no instance). */
const jobsOf = (owner: JobOwner): SQL =>
  owner.instanceId !== undefined ? eq(engineJobs.instanceId, owner.instanceId) : and(eq(engineJobs.definitionId, owner.definitionId), isNull(engineJobs.instanceId))!

function storeTx(unit: Pipeline): StoreTx {
  return {
    async insertDefinition(definition: DeployedDefinition) {
      unit.write({ kind: 'insert', table: engineDefinitions, rows: [{ ...definition, name: definition.name ?? null, deployedAt: new Date(definition.deployedAt) }] })
      // Deploys are rare and report a duplicate at once.
      await unit.settle()
    },
    async getDefinition(id) {
      const [row] = await unit.read((db) => db.select().from(engineDefinitions).where(eq(engineDefinitions.id, id)))
      return row ? toDefinition(row) : undefined
    },
    async latestDefinition(key) {
      const [row] = await unit.read((db) => db.select().from(engineDefinitions).where(eq(engineDefinitions.key, key)).orderBy(desc(engineDefinitions.version)).limit(1))
      return row ? toDefinition(row) : undefined
    },

    async insertInstance(id, state) {
      unit.write({ kind: 'insert', table: engineInstances, rows: [{ id, definitionId: state.definitionId, status: state.status, state, version: 1 }] })
    },
    async loadInstance(id) {
      const [row] = await unit.read((db) => run(db, `select ${selectList(instances, 'i')} from ${instances.name} i where i."id" = $1`, [id]))
      if (!row) return undefined
      const { state, version } = mapRow<InstanceRecord>(instances, row)
      return { state, version }
    },
    async loadInstances(ids) {
      if (!ids.length) return new Map()
      const params = new Params()
      const list = ids.map((id) => params.add(id)).join(', ')
      const rows = await unit.read((db) => run(db, `select ${selectList(instances, 'i')} from ${instances.name} i where i."id" in (${list})`, params.values))
      return new Map(rows.map((row) => {
        const { id, state, version } = mapRow<InstanceRecord>(instances, row)
        return [id, { state, version }]
      }))
    },
    async saveInstance(id, state, expectedVersion) {
      // Compare-and-set; a mismatch surfaces when the unit settles (the current version is not read back).
      unit.write({
        kind: 'update',
        table: engineInstances,
        key: id,
        set: { state, status: state.status, version: expectedVersion + 1 },
        where: { id, version: expectedVersion },
        conflict: () => new VersionConflict(id, expectedVersion, undefined),
      })
      return expectedVersion + 1
    },

    async insertTask(task) {
      unit.write({ kind: 'insert', table: engineTasks, rows: [fromTask(task)] })
    },
    async updateTask(task) {
      unit.write({ kind: 'update', table: engineTasks, key: task.id, set: fromTask(task), where: { id: task.id } })
    },
    async getTask(id) {
      const [row] = await unit.read((db) => db.select().from(engineTasks).where(eq(engineTasks.id, id)))
      return row ? toTask(row) : undefined
    },
    async getTaskWithInstance(id) {
      const [row] = await unit.read((db) => run(db, TASK_WITH_INSTANCE, [id]))
      if (!row) return undefined
      const task = toTask(mapRow(tasks, row))
      if (row.instance_version === null) return { task }
      // The two instance columns, mapped by their own columns as mapRow maps the task's.
      const state = instances.byProperty.get('state')!.column.mapFromDriverValue(row.instance_state) as InstanceRecord['state']
      return { task, instance: { state, version: instances.byProperty.get('version')!.column.mapFromDriverValue(row.instance_version) as number } }
    },
    async findTasks(query: TaskQuery) {
      const params = new Params()
      const filters: string[] = []
      // Equality filters, in a fixed order so that each combination is one statement text.
      for (const property of ['instanceId', 'status', 'element', 'tokenId'] as const) {
        if (query[property]) filters.push(`t.${matching(tasks, { [property]: query[property] }, params)}`)
      }
      if (query.assignee) {
        // A task waits for its assignee, or (unassigned) for any of its candidates.
        const assignee = params.add(query.assignee)
        filters.push(`(t."assignee" = ${assignee} or (t."assignee" is null and t."candidates" @> array[${assignee}]::text[]))`)
      }
      const where = filters.length ? ` where ${filters.join(' and ')}` : ''
      const rows = await unit.read((db) => run(db, `select ${selectList(tasks, 't')} from ${tasks.name} t${where} order by t."created_at", t."id"`, params.values))
      return rows.map((row) => toTask(mapRow(tasks, row)))
    },

    async insertJob(job) {
      unit.write({ kind: 'insert', table: engineJobs, rows: [{ ...job, dueAt: new Date(job.dueAt), lockExpiresAt: date(job.lockExpiresAt) }] })
    },
    async deleteJob(id, lockOwner) {
      const where = lockOwner ? and(eq(engineJobs.id, id), eq(engineJobs.lockOwner, lockOwner)) : eq(engineJobs.id, id)
      return (await unit.writeAndRead((tx) => tx.delete(engineJobs).where(where).returning({ id: engineJobs.id }))).length > 0
    },
    async ackJobs(ids, lockOwner) {
      if (!ids.length) return []
      const rows = await unit.writeAndRead((tx) => tx.delete(engineJobs).where(and(inArray(engineJobs.id, ids), eq(engineJobs.lockOwner, lockOwner))).returning({ id: engineJobs.id }))
      return rows.map((row) => row.id)
    },
    async deleteJobs(query) {
      const where: Match = query.instanceId !== undefined ? { instanceId: query.instanceId } : { definitionId: query.definitionId, instanceId: null }
      if (query.taskId) where.taskId = query.taskId
      if (query.tokenId) where.tokenId = query.tokenId
      unit.write({ kind: 'delete', table: engineJobs, where })
    },
    async findJobs(query) {
      const rows = await unit.read((db) => db.select().from(engineJobs).where(jobsOf(query)).orderBy(asc(engineJobs.dueAt), asc(engineJobs.id)))
      return rows.map(toJob)
    },
    async claimDueJobs({ now, owner, leaseUntil, limit }) {
      const nowDate = new Date(now)
      const rows = await unit.writeAndRead((tx) => {
        // Skip rows another worker is claiming right now instead of waiting for them.
        const due = tx
          .select({ id: engineJobs.id })
          .from(engineJobs)
          .where(and(lte(engineJobs.dueAt, nowDate), or(isNull(engineJobs.lockOwner), lte(engineJobs.lockExpiresAt, nowDate))))
          .orderBy(asc(engineJobs.dueAt), asc(engineJobs.id))
          .limit(limit)
          .for('update', { skipLocked: true })
        return tx.update(engineJobs).set({ lockOwner: owner, lockExpiresAt: new Date(leaseUntil) }).where(inArray(engineJobs.id, due)).returning()
      })
      return rows.map(toJob).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
    },

    async appendHistory(events: HistoryEvent[]) {
      if (!events.length) return
      unit.write({
        kind: 'insert',
        table: engineHistory,
        rows: events.map((event) => ({
          instanceId: event.instanceId,
          type: event.type,
          at: new Date(event.at),
          element: event.element ?? null,
          actor: event.actor ?? null,
          taskId: event.taskId ?? null,
          due: date(event.due ?? null),
          outcome: event.outcome ?? null,
          data: event.data ?? null,
        })),
      })
    },
    async listHistory(instanceId) {
      const rows = await unit.read((db) => db.select().from(engineHistory).where(eq(engineHistory.instanceId, instanceId)).orderBy(asc(engineHistory.id)))
      return rows.map((row) => {
        const event: HistoryEvent = { instanceId: row.instanceId, type: row.type, at: row.at.toISOString() }
        if (row.element !== null) event.element = row.element
        if (row.actor !== null) event.actor = row.actor
        if (row.taskId !== null) event.taskId = row.taskId
        if (row.due !== null) event.due = row.due.toISOString()
        if (row.outcome !== null) event.outcome = row.outcome
        if (row.data !== null) event.data = row.data
        return event
      })
    },
    savepoint: (work) => unit.savepoint(work),
  }
}

function toDefinition(row: typeof engineDefinitions.$inferSelect): DeployedDefinition {
  const definition: DeployedDefinition = { id: row.id, key: row.key, version: row.version, xml: row.xml, deployedAt: row.deployedAt.toISOString() }
  if (row.name !== null) definition.name = row.name
  return definition
}
