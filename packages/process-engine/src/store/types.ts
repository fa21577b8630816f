/**
 * The persistence boundary. A {@link Store} runs units of work; inside one, a
 * {@link StoreTx} reads and writes definitions, instances, tasks, jobs and history.
 *
 * SQL mapping (apps/server): instance state is ONE JSON column plus an integer `version`
 * for optimistic locking; tasks, jobs and history are rows. `claimDueJobs` is
 * `SELECT … FOR UPDATE SKIP LOCKED` + `UPDATE … SET lock_owner, lock_expires_at`.
 * All instants are ISO-8601 UTC strings (`Date#toISOString()`); map them to timestamptz.
 *
 * READ COMMITTED is enough: every command that writes tasks or jobs also saves its instance
 * with a version check, so concurrent commands on one instance serialise in `saveInstance`
 * (the loser gets VersionConflict, its transaction rolls back, the engine retries).
 * A command inserts a new instance once, when it ends, AFTER the task and job rows that
 * reference it in the same transaction: keep no foreign keys to the instance (or make them
 * deferrable). A call activity's parent and child instances are written in the same transaction.
 *
 * Writes that return nothing (and `saveInstance`'s conflict) may be sent without waiting for
 * their answer, as long as later reads in the transaction see them and their failure (or a
 * VersionConflict) surfaces by the end of the transaction or savepoint, rolling it back. Useful columns to copy
 * out of the state on save: status, definitionId, initiator, unit, businessKey, clock.due.
 */
import type { InstanceState } from '../runtime/state'

/** A deployed BPMN document. Immutable once inserted; `version` counts per `key` from 1. */
export interface DeployedDefinition {
  id: string
  key: string
  version: number
  name?: string
  xml: string
  deployedAt: string
}

export const TaskStatus = { open: 'open', waiting: 'waiting', completed: 'completed', cancelled: 'cancelled' } as const
export type TaskStatus = (typeof TaskStatus)[keyof typeof TaskStatus]

/** A human task (one row per assignee and round; 会签 creates several). */
export interface TaskRow {
  id: string
  instanceId: string
  definitionId: string
  element: string
  name: string | null
  tokenId: string
  /** The user who must act, or null when any of `candidates` may. */
  assignee: string | null
  candidates: string[]
  /** Set while delegated (委派): the user the task returns to. */
  owner: string | null
  /** `waiting` = held until a signer added before it (前加签) finishes. */
  status: TaskStatus
  /** Set on signer tasks (加签): the task they were added to. */
  signerFor: string | null
  form: string | null
  createdAt: string
  due: string | null
  warnAt: string | null
  completedAt: string | null
  completedBy: string | null
  outcome: string | null
  comment: string | null
}

export const JobType = { timer: 'timer', taskWarn: 'task.warn', taskDue: 'task.due', processDue: 'process.due' } as const
export type JobType = (typeof JobType)[keyof typeof JobType]

/**
 * A due-time job: timers, warnings and deadlines. Effects are idempotent; deletion is the ack.
 * Most jobs belong to an instance; a process-level timer start event's job belongs to its
 * definition instead (`instanceId` null, `definitionId` set): firing it starts an instance.
 */
export interface JobRow {
  id: string
  instanceId: string | null
  /** Set on definition-level jobs (timer start events) only; null on instance jobs. */
  definitionId: string | null
  type: JobType
  dueAt: string
  taskId: string | null
  tokenId: string | null
  payload: Record<string, unknown>
  lockOwner: string | null
  lockExpiresAt: string | null
}

/** One append-only history entry; statistics read these. */
export interface HistoryEvent {
  instanceId: string
  type: string
  at: string
  element?: string
  actor?: string
  taskId?: string
  due?: string
  outcome?: string
  data?: Record<string, unknown>
}

/** Whose jobs: an instance's, or a definition's own (those with no instance). */
export type JobOwner = { instanceId: string; definitionId?: never } | { definitionId: string; instanceId?: never }

export interface TaskQuery {
  instanceId?: string
  status?: TaskStatus
  assignee?: string
  element?: string
  tokenId?: string
}

/** Operations available inside one transaction. */
export interface StoreTx {
  insertDefinition(definition: DeployedDefinition): Promise<void>
  getDefinition(id: string): Promise<DeployedDefinition | undefined>
  /** Highest version for `key`. */
  latestDefinition(key: string): Promise<DeployedDefinition | undefined>

  /** Create an instance at version 1. */
  insertInstance(id: string, state: InstanceState): Promise<void>
  loadInstance(id: string): Promise<{ state: InstanceState; version: number } | undefined>
  /** Several instances in one read (a batch of jobs); missing ones are absent from the map. */
  loadInstances(ids: string[]): Promise<Map<string, { state: InstanceState; version: number }>>
  /**
   * Save when the stored version equals `expectedVersion`; returns the new version. Throws
   * VersionConflict otherwise: at once, or (pipelining stores) when the transaction or savepoint ends.
   */
  saveInstance(id: string, state: InstanceState, expectedVersion: number): Promise<number>

  insertTask(task: TaskRow): Promise<void>
  /** Replace the row with the same id. */
  updateTask(task: TaskRow): Promise<void>
  getTask(id: string): Promise<TaskRow | undefined>
  /**
   * A task with its instance, read at one moment (one snapshot): a command on a task checks the
   * task and saves the instance against that version in one round trip.
   */
  getTaskWithInstance(id: string): Promise<{ task: TaskRow; instance?: { state: InstanceState; version: number } } | undefined>
  /** Ordered by `createdAt`, then id. */
  findTasks(query: TaskQuery): Promise<TaskRow[]>

  insertJob(job: JobRow): Promise<void>
  /** Delete one job; with `lockOwner`, only while that owner holds it. Returns whether a row was deleted. */
  deleteJob(id: string, lockOwner?: string): Promise<boolean>
  /** Delete (acknowledge) the jobs among `ids` that `lockOwner` still holds, instance and definition jobs alike; returns their ids. */
  ackJobs(ids: string[], lockOwner: string): Promise<string[]>
  /**
   * Delete the jobs of an instance, optionally narrowed to a task or token, or the
   * definition-level jobs of a definition (its timer starts).
   */
  deleteJobs(query: JobOwner & { taskId?: string; tokenId?: string }): Promise<void>
  /** The jobs of an instance, or the definition-level jobs of a definition; ordered by `dueAt`, then id. */
  findJobs(query: JobOwner): Promise<JobRow[]>
  /** Lease up to `limit` jobs due at `now` that are unlocked or whose lease expired; ordered by `dueAt`. */
  claimDueJobs(claim: { now: string; owner: string; leaseUntil: string; limit: number }): Promise<JobRow[]>

  appendHistory(events: HistoryEvent[]): Promise<void>
  /** In append order. */
  listHistory(instanceId: string): Promise<HistoryEvent[]>

  /**
   * Run `work` in a savepoint of this transaction: when it throws, only its writes are undone
   * (and the error rethrown); the transaction goes on. Lets a worker fire a batch of jobs in one
   * transaction, where one failing job must not undo the others. Savepoints do not nest.
   */
  savepoint<T>(work: () => Promise<T>): Promise<T>
}

/**
 * The host's writes that must commit with an engine unit of work (the engine option
 * `beforeCommit`): given the history the unit appended and its transaction, before the commit.
 */
export type BeforeCommit = (events: HistoryEvent[], tx: StoreTx) => Promise<void>

/** A unit-of-work factory: `work` either commits completely or, when it throws, changes nothing. */
export interface Store {
  transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T>
}
