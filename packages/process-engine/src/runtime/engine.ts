/**
 * The engine facade. Every command is one store transaction: load the instance, apply the
 * transition, save state + tasks + jobs + history with an optimistic version check.
 */
import { parseAssignees } from '../assignment/spec'
import type { AssignmentResolver } from '../assignment/resolver'
import { builtinHandlers, type ServiceHandler } from '../behaviors/service-task'
import type { FieldMode, ProcessDefinition } from '../definition/model'
import { parseDefinition } from '../definition/parse'
import { DeployError, EngineError, ErrorCode, VersionConflict } from '../errors'
import { createCalendar, type Calendar } from '../time/calendar'
import type { Clock } from '../time/clock'
import { type BeforeCommit, type DeployedDefinition, type HistoryEvent, type JobRow, type Store, type StoreTx, type TaskQuery, type TaskRow } from '../store/types'
import * as clockCommands from './clock-commands'
import { fireBatch, type BatchContext, type InstanceJob } from './job-batch'
import { startInstance } from './instances'
import { fireStartTimer, replaceStartTimers } from './start-timers'
import { Run, Unit, type EngineEnv } from './run'
import { InstanceStatus, type InstanceState } from './state'
import * as taskCommands from './task-commands'

export interface EngineOptions {
  store: Store
  clock: Clock
  /** Default: Chinese statutory calendar, office hours 08:30–12:00 and 14:30–18:00, UTC+8. */
  calendar?: Calendar
  /** Per-unit calendars (holiday overrides, office hours); units without one use `calendar`. */
  calendarFor?: (unit: string) => Calendar | undefined
  resolver?: AssignmentResolver
  /** Who gets a task nobody resolves to; default `role:unitAdmin`. Same syntax as hall:assignee. */
  fallbackAssignee?: string
  /** Service task handlers by `hall:handler` name, added to the built-ins (setVariables, notify). */
  handlers?: Record<string, ServiceHandler>
  /** Upper bound for the sum of extensions per instance, in working days; default 10. */
  maxExtensionDays?: number
  /** Called after each committed command with the history it appended (notifications, SSE…). */
  onEvents?: (events: HistoryEvent[]) => void
  /**
   * Called inside the unit of work of every command, job batch and timer start that appended
   * history, after appending it and before the commit, with the store transaction: the host's
   * own writes that must commit with the engine's (closing a case, writing its data back). When
   * it throws, the unit rolls back: a command fails whole, a job is undone alone and put back
   * for a retry after its lease. It must read and write only through `tx` (or the host's handle
   * for the same transaction).
   */
  beforeCommit?: BeforeCommit
  /** Id source for instances; default `crypto.randomUUID()`. */
  newId?: () => string
}

export interface StartOptions {
  /** Deployed definition id, or `key` for its latest version. */
  definitionId?: string
  key?: string
  initiator: string
  variables?: Record<string, unknown>
  /** The unit (单位) the case belongs to; selects `calendarFor(unit)` and reaches the resolver. */
  unit?: string
  businessKey?: string
  /** Start at the message start event with this message name instead of the none start event. */
  message?: string
}

const VERSION_RETRIES = 3

/** Create an engine over the injected store, clock, calendar and resolver. */
export function createEngine(options: EngineOptions) {
  const { store, clock } = options
  // Deployed definitions are immutable: each is read and compiled once per engine, by id.
  const compiled = new Map<string, { row: DeployedDefinition; def: ProcessDefinition }>()
  const defaultCalendar = options.calendar ?? createCalendar()

  async function compiledDefinition(tx: StoreTx, id: string, known?: DeployedDefinition) {
    const hit = compiled.get(id)
    if (hit) return hit
    const row = known ?? (await tx.getDefinition(id))
    if (!row) return undefined
    const parsed = await parseDefinition(row.xml)
    if (!parsed.ok) throw new DeployError(parsed.problems)
    const entry = { row, def: parsed.definition }
    compiled.set(id, entry)
    return entry
  }

  async function definitionFor(tx: StoreTx, id: string): Promise<ProcessDefinition> {
    const found = await compiledDefinition(tx, id)
    if (!found) throw new EngineError(ErrorCode.DEFINITION_NOT_FOUND, `Definition ${id} is not deployed`)
    return found.def
  }

  const env: EngineEnv = {
    calendarFor: (unit) => (unit !== undefined ? options.calendarFor?.(unit) : undefined) ?? defaultCalendar,
    ...(options.resolver ? { resolver: options.resolver } : {}),
    fallbackAssignee: parseAssignees(options.fallbackAssignee ?? 'role:unitAdmin'),
    handlers: { ...builtinHandlers, ...options.handlers },
    maxExtensionDays: options.maxExtensionDays ?? 10,
    newId: options.newId ?? (() => globalThis.crypto.randomUUID()),
    async loadDefinition(tx, ref) {
      if (ref.id) return compiledDefinition(tx, ref.id)
      const latest = ref.key ? await tx.latestDefinition(ref.key) : undefined
      return latest && compiledDefinition(tx, latest.id, latest)
    },
  }

  async function commit<T>(work: (tx: StoreTx) => Promise<{ result: T; events: HistoryEvent[] }>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        const { result, events } = await store.transaction(async (tx) => {
          const out = await work(tx)
          await tx.appendHistory(out.events)
          if (out.events.length) await options.beforeCommit?.(out.events, tx)
          return out
        })
        options.onEvents?.(events)
        return result
      } catch (error) {
        if (!(error instanceof VersionConflict) || attempt >= VERSION_RETRIES) throw error
      }
    }
  }

  /** Run `apply` on a loaded instance inside `tx`; returns its result and the history to append. */
  async function mutateIn<T>(tx: StoreTx, instanceId: string, apply: (run: Run) => Promise<T>, options: { allowEnded?: boolean; record?: { state: InstanceState; version: number } } = {}) {
    const record = options.record ?? (await tx.loadInstance(instanceId))
    if (!record) throw new EngineError(ErrorCode.INSTANCE_NOT_FOUND, `Instance ${instanceId} does not exist`)
    if (record.state.status !== InstanceStatus.active && !options.allowEnded) {
      throw new EngineError(ErrorCode.INSTANCE_NOT_ACTIVE, `Instance ${instanceId} is ${record.state.status}`)
    }
    const unit = new Unit(tx, env, clock.now())
    const run = new Run(unit, await definitionFor(tx, record.state.definitionId), record.state)
    unit.add(run, record.version)
    const result = await apply(run)
    return { result, events: await unit.flush() }
  }

  /** Run `apply` on a loaded instance and persist the outcome. */
  function mutate<T>(instanceId: string, apply: (run: Run) => Promise<T>): Promise<T> {
    return commit((tx) => mutateIn(tx, instanceId, apply))
  }

  /** Load the task, check it is open, then mutate its instance, all in one transaction. */
  function onTask<T>(taskId: string, apply: (run: Run, task: TaskRow) => Promise<T>): Promise<T> {
    return commit(async (tx) => {
      const found = await tx.getTaskWithInstance(taskId)
      if (!found) throw new EngineError(ErrorCode.TASK_NOT_FOUND, `Task ${taskId} does not exist`)
      const { task, instance } = found
      return mutateIn(tx, task.instanceId, (run) => {
        if (task.status !== 'open' && task.status !== 'waiting') throw new EngineError(ErrorCode.TASK_NOT_OPEN, `Task ${taskId} is ${task.status}, not open`)
        return apply(run, task)
      }, instance ? { record: instance } : {})
    })
  }

  /**
   * Fire a leased timer-start job (no instance) in its own transaction: its fenced deletion,
   * next occurrence and new instance commit together. False when another worker holds it now.
   */
  async function fireStart(job: JobRow, owner: string): Promise<boolean> {
    try {
      return await commit(async (tx) => {
        const unit = new Unit(tx, env, clock.now())
        await fireStartTimer(unit, job, owner)
        return { result: true, events: await unit.flush() }
      })
    } catch (error) {
      if (error instanceof EngineError && error.code === ErrorCode.LEASE_LOST) return false
      throw error
    }
  }

  return {
    /**
     * Validate and store a BPMN document. Throws {@link DeployError} listing every problem.
     * Deploying the same XML again returns the existing version. A new version schedules its
     * process-level timer starts and withdraws those of the version it supersedes.
     */
    async deploy(xml: string, deployOptions: { key?: string } = {}): Promise<DeployedDefinition> {
      const parsed = await parseDefinition(xml)
      if (!parsed.ok) throw new DeployError(parsed.problems)
      const key = deployOptions.key ?? parsed.definition.key
      return commit(async (tx) => {
        const latest = await tx.latestDefinition(key)
        if (latest?.xml === xml) return { result: latest, events: [] }
        const version = (latest?.version ?? 0) + 1
        const row: DeployedDefinition = { id: `${key}:${version}`, key, version, xml, deployedAt: clock.now().toISOString(), ...(parsed.definition.name ? { name: parsed.definition.name } : {}) }
        await tx.insertDefinition(row)
        await replaceStartTimers(tx, defaultCalendar, latest, row, parsed.definition, clock.now())
        compiled.set(row.id, { row, def: parsed.definition })
        return { result: row, events: [] }
      })
    },

    /** Start an instance; returns its id. */
    async start(start: StartOptions): Promise<string> {
      return commit(async (tx) => {
        const found = await env.loadDefinition(tx, { ...(start.definitionId ? { id: start.definitionId } : {}), ...(start.key ? { key: start.key } : {}) })
        if (!found) throw new EngineError(ErrorCode.DEFINITION_NOT_FOUND, `Definition ${start.definitionId ?? start.key ?? '(none given)'} is not deployed`)
        const { row, def } = found
        const startId = start.message
          ? Object.values(def.elements).find((e) => e.kind === 'startEvent' && !e.parent && e.trigger?.kind === 'message' && e.trigger.name === start.message)?.id
          : def.noneStart
        if (!startId) throw new EngineError(ErrorCode.INVALID_ARGUMENT, `Definition ${row.id} has no ${start.message ? `message start for '${start.message}'` : 'none start event'}`)
        const unit = new Unit(tx, env, clock.now())
        const run = await startInstance(unit, {
          row, def, startId, initiator: start.initiator, variables: start.variables ?? {},
          ...(start.businessKey ? { businessKey: start.businessKey } : {}),
          ...(start.unit ? { unit: start.unit } : {}),
        })
        return { result: run.state.id, events: await unit.flush() }
      })
    },

    complete: (taskId: string, args: taskCommands.CompleteArgs) => onTask(taskId, (run, task) => taskCommands.complete(run, task, args)),
    returnTo: (taskId: string, args: taskCommands.ReturnArgs) => onTask(taskId, (run, task) => taskCommands.returnTo(run, task, args)),
    reject: (taskId: string, args: taskCommands.ActorArgs) => onTask(taskId, (run, task) => taskCommands.reject(run, task, args)),
    transfer: (taskId: string, args: taskCommands.HandOverArgs) => onTask(taskId, (run, task) => taskCommands.transfer(run, task, args)),
    /** Administrative reassignment (AB handover, supervisor); the caller checks the actor's rights. */
    reassign: (taskId: string, args: taskCommands.ReassignArgs) => onTask(taskId, (run, task) => taskCommands.reassign(run, task, args)),
    delegate: (taskId: string, args: taskCommands.HandOverArgs) => onTask(taskId, (run, task) => taskCommands.delegate(run, task, args)),
    addSigner: (taskId: string, args: taskCommands.AddSignerArgs) => onTask(taskId, (run, task) => taskCommands.addSigner(run, task, args)),
    urge: (taskId: string, args: taskCommands.ActorArgs) => onTask(taskId, (run, task) => taskCommands.urge(run, task, args)),
    withdraw: (instanceId: string, args: taskCommands.ActorArgs) => mutate(instanceId, (run) => taskCommands.withdraw(run, args)),
    cc: (instanceId: string, args: taskCommands.CcArgs) => mutate(instanceId, (run) => taskCommands.cc(run, args)),
    /** Deliver a message to the instance's waiting catch events, receive tasks or boundaries. Returns whether something caught it. */
    correlate: (instanceId: string, message: string, variables: Record<string, unknown> = {}, delivery: clockCommands.Delivery = {}) =>
      mutate(instanceId, (run) => clockCommands.correlate(run, message, variables, delivery)),
    suspendClock: (instanceId: string, args: clockCommands.SuspendArgs) => mutate(instanceId, (run) => clockCommands.suspendClock(run, args)),
    resumeClock: (instanceId: string, args: taskCommands.ActorArgs) => mutate(instanceId, (run) => clockCommands.resumeClock(run, args)),
    extend: (instanceId: string, args: clockCommands.ExtendArgs) => mutate(instanceId, (run) => clockCommands.extend(run, args)),
    /** Re-run the element of a token stopped by an incident, optionally after fixing variables. */
    retryIncident: (instanceId: string, tokenId: string, variables: Record<string, unknown> = {}) => mutate(instanceId, (run) => clockCommands.retryIncident(run, tokenId, variables)),

    /**
     * Claim and fire due jobs as worker `owner`. Each job is leased for `leaseMs`; its effect
     * and its deletion commit together, so a job delivered twice takes effect once.
     * The claimed jobs are split into `concurrency` batches fired at once (for stores with a
     * connection pool), each in ONE transaction (see job-batch.ts): a job whose firing fails is
     * undone alone while the others commit. Returns the number of jobs fired; when some failed,
     * an AggregateError is thrown after the others committed, and the failed jobs are retried by
     * a claim after their lease. Timer-start jobs (no instance) fire after the batches, each in
     * its own transaction. `beforeFire` runs before each batch and each timer start (tests).
     */
    async runDueJobs(worker: { owner: string; leaseMs?: number; limit?: number; concurrency?: number; beforeFire?: () => Promise<void> }): Promise<number> {
      const now = clock.now()
      const claimed = await store.transaction((tx) =>
        tx.claimDueJobs({ now: now.toISOString(), owner: worker.owner, leaseUntil: new Date(now.getTime() + (worker.leaseMs ?? 60_000)).toISOString(), limit: worker.limit ?? 100 }),
      )
      const context: BatchContext = { store, mutateIn, retries: VERSION_RETRIES, ...(options.beforeCommit ? { beforeCommit: options.beforeCommit } : {}) }
      // Instance jobs fire in batches; a timer start has no instance to batch on and creates one.
      const batched = claimed.filter((job): job is InstanceJob => job.instanceId !== null)
      const lanes = Math.min(worker.concurrency ?? 1, batched.length)
      const size = Math.ceil(batched.length / Math.max(1, lanes))
      const failures: unknown[] = []
      const fired = await Promise.all(
        Array.from({ length: lanes }, async (_, lane) => {
          await worker.beforeFire?.()
          try {
            const outcome = await fireBatch(context, batched.slice(lane * size, (lane + 1) * size), worker.owner)
            failures.push(...outcome.failures)
            if (outcome.events.length) options.onEvents?.(outcome.events)
            return outcome.fired
          } catch (error) {
            failures.push(error)
            return 0
          }
        }),
      )
      let starts = 0
      for (const job of claimed.filter((j) => j.instanceId === null)) {
        await worker.beforeFire?.()
        try {
          if (await fireStart(job, worker.owner)) starts++
        } catch (error) {
          failures.push(error)
        }
      }
      if (failures.length) throw new AggregateError(failures, `${failures.length} of ${claimed.length} jobs failed to fire; they will be retried after their lease`)
      return fired.reduce((sum, n) => sum + n, starts)
    },

    async getInstance(id: string): Promise<InstanceState | undefined> {
      return (await store.transaction((tx) => tx.loadInstance(id)))?.state
    },
    findTasks: (query: TaskQuery) => store.transaction((tx) => tx.findTasks(query)),
    getTask: (id: string) => store.transaction((tx) => tx.getTask(id)),
    history: (instanceId: string) => store.transaction((tx) => tx.listHistory(instanceId)),
    jobs: (instanceId: string) => store.transaction((tx) => tx.findJobs({ instanceId })),
    /** Pending jobs of the definition itself: its timer start events. */
    definitionJobs: (definitionId: string) => store.transaction((tx) => tx.findJobs({ definitionId })),
    /** The compiled definition (for field permissions, forms and the designer's test run). */
    definition: (id: string) => store.transaction((tx) => definitionFor(tx, id)),

    /** The form key and per-field permissions (hall:form, hall:fieldPermission) of a task's step. */
    async taskForm(taskId: string): Promise<{ form: string | null; fields: { path: string; mode: FieldMode }[] }> {
      return store.transaction(async (tx) => {
        const task = await tx.getTask(taskId)
        if (!task) throw new EngineError(ErrorCode.TASK_NOT_FOUND, `Task ${taskId} does not exist`)
        const step = (await definitionFor(tx, task.definitionId)).elements[task.element]?.userTask
        return { form: step?.form ?? null, fields: step?.fields ?? [] }
      })
    },
  }
}

/** The engine API (see README). */
export type Engine = ReturnType<typeof createEngine>
