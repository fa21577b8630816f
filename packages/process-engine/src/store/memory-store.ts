/**
 * In-memory {@link Store} for tests, simulation and benchmarks. Transactions run one at a
 * time; writes are applied at once and undone from a log when the work throws.
 * Values are copied in and out, as a database would, so callers cannot alias stored state.
 */
import { VersionConflict } from '../errors'
import type { InstanceState } from '../runtime/state'
import type { DeployedDefinition, HistoryEvent, JobOwner, JobRow, Store, StoreTx, TaskQuery, TaskRow } from './types'

const copy = <T>(value: T): T => structuredClone(value)
/** Rows are flat apart from a few arrays and `data`/`payload` objects: copy those, share strings. */
const copyTask = (task: TaskRow): TaskRow => ({ ...task, candidates: [...task.candidates] })
/** Instance jobs and definition-level jobs share one index; the prefix keeps their ids apart. */
const jobOwnerKey = (owner: { instanceId?: string | null; definitionId?: string | null }) =>
  owner.instanceId != null ? `i:${owner.instanceId}` : `d:${owner.definitionId ?? ''}`
const copyEvent = (event: HistoryEvent): HistoryEvent => (event.data ? { ...event, data: copy(event.data) } : { ...event })

class MemoryData {
  definitions = new Map<string, DeployedDefinition>()
  instances = new Map<string, { json: string; version: number }>()
  tasks = new Map<string, TaskRow>()
  /** instanceId → task ids: lookups by instance must not scan every task. */
  tasksByInstance = new Map<string, Set<string>>()
  jobs = new Map<string, JobRow>()
  /** Owner key ({@link jobOwnerKey}) → job ids. */
  jobsByOwner = new Map<string, Set<string>>()
  history = new Map<string, HistoryEvent[]>()
}

/** Create an empty in-memory store. */
export function createMemoryStore(): Store {
  const data = new MemoryData()
  // Transactions are serialised, so one tx object with a swappable undo log serves them all.
  const undo: (() => void)[] = []
  const tx = createTx(data, undo)
  let queue: Promise<unknown> = Promise.resolve()
  return {
    transaction<T>(work: (tx: StoreTx) => Promise<T>): Promise<T> {
      const run = queue.then(async () => {
        undo.length = 0
        try {
          return await work(tx)
        } catch (error) {
          for (const step of undo.reverse()) step()
          throw error
        } finally {
          undo.length = 0
        }
      })
      queue = run.catch(() => undefined)
      return run
    },
  }
}

/** Record how to restore `map[key]` to what it is now. */
function remember<K, V>(undo: (() => void)[], map: Map<K, V>, key: K): void {
  const had = map.has(key)
  const before = map.get(key)
  undo.push(() => (had ? map.set(key, before as V) : map.delete(key)))
}

function createTx(data: MemoryData, undo: (() => void)[]): StoreTx {
  const setRow = <V>(map: Map<string, V>, key: string, value: V) => {
    remember(undo, map, key)
    map.set(key, value)
  }
  const deleteRow = <V>(map: Map<string, V>, key: string) => {
    remember(undo, map, key)
    map.delete(key)
  }
  const matches = (task: TaskRow, q: TaskQuery) =>
    (q.instanceId === undefined || task.instanceId === q.instanceId) &&
    (q.status === undefined || task.status === q.status) &&
    (q.assignee === undefined || task.assignee === q.assignee || (task.assignee === null && task.candidates.includes(q.assignee))) &&
    (q.element === undefined || task.element === q.element) &&
    (q.tokenId === undefined || task.tokenId === q.tokenId)

  const removeJob = (job: JobRow) => {
    deleteRow(data.jobs, job.id)
    const ids = data.jobsByOwner.get(jobOwnerKey(job))
    ids?.delete(job.id)
    undo.push(() => ids?.add(job.id))
  }
  const jobsOf = (owner: JobOwner) => [...(data.jobsByOwner.get(jobOwnerKey(owner)) ?? [])].map((id) => data.jobs.get(id)!)

  return {
    async insertDefinition(definition) {
      if (data.definitions.has(definition.id)) throw new Error(`Definition ${definition.id} already exists`)
      setRow(data.definitions, definition.id, copy(definition))
    },
    async getDefinition(id) {
      const d = data.definitions.get(id)
      return d && copy(d)
    },
    async latestDefinition(key) {
      let best: DeployedDefinition | undefined
      for (const d of data.definitions.values()) if (d.key === key && (!best || d.version > best.version)) best = d
      return best && copy(best)
    },
    async insertInstance(id, state) {
      if (data.instances.has(id)) throw new VersionConflict(id, 0, data.instances.get(id)!.version)
      setRow(data.instances, id, { json: JSON.stringify(state), version: 1 })
    },
    async loadInstance(id) {
      const row = data.instances.get(id)
      return row && { state: JSON.parse(row.json) as InstanceState, version: row.version }
    },
    async loadInstances(ids) {
      const found = new Map<string, { state: InstanceState; version: number }>()
      for (const id of ids) {
        const row = data.instances.get(id)
        if (row) found.set(id, { state: JSON.parse(row.json) as InstanceState, version: row.version })
      }
      return found
    },
    async saveInstance(id, state, expectedVersion) {
      const row = data.instances.get(id)
      if (!row || row.version !== expectedVersion) throw new VersionConflict(id, expectedVersion, row?.version)
      setRow(data.instances, id, { json: JSON.stringify(state), version: expectedVersion + 1 })
      return expectedVersion + 1
    },
    async insertTask(task) {
      if (data.tasks.has(task.id)) throw new Error(`Task ${task.id} already exists`)
      setRow(data.tasks, task.id, copyTask(task))
      const ids = data.tasksByInstance.get(task.instanceId) ?? new Set<string>()
      if (!data.tasksByInstance.has(task.instanceId)) setRow(data.tasksByInstance, task.instanceId, ids)
      ids.add(task.id)
      undo.push(() => ids.delete(task.id))
    },
    async updateTask(task) {
      if (!data.tasks.has(task.id)) throw new Error(`Task ${task.id} does not exist`)
      setRow(data.tasks, task.id, copyTask(task))
    },
    async getTask(id) {
      const t = data.tasks.get(id)
      return t && copyTask(t)
    },
    async getTaskWithInstance(id) {
      const t = data.tasks.get(id)
      const row = t && data.instances.get(t.instanceId)
      return t && { task: copyTask(t), ...(row ? { instance: { state: JSON.parse(row.json) as InstanceState, version: row.version } } : {}) }
    },
    async findTasks(query) {
      const ids = query.instanceId === undefined ? undefined : data.tasksByInstance.get(query.instanceId)
      const candidates = ids ? [...ids].map((id) => data.tasks.get(id)!) : query.instanceId === undefined ? [...data.tasks.values()] : []
      return candidates
        .filter((t) => matches(t, query))
        .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map(copyTask)
    },
    async insertJob(job) {
      if (data.jobs.has(job.id)) throw new Error(`Job ${job.id} already exists`)
      setRow(data.jobs, job.id, copy(job))
      const key = jobOwnerKey(job)
      const ids = data.jobsByOwner.get(key) ?? new Set<string>()
      if (!data.jobsByOwner.has(key)) setRow(data.jobsByOwner, key, ids)
      ids.add(job.id)
      undo.push(() => ids.delete(job.id))
    },
    async deleteJob(id, lockOwner) {
      const job = data.jobs.get(id)
      if (!job || (lockOwner !== undefined && job.lockOwner !== lockOwner)) return false
      removeJob(job)
      return true
    },
    async ackJobs(ids, lockOwner) {
      const held = ids.map((id) => data.jobs.get(id)).filter((job): job is JobRow => job?.lockOwner === lockOwner)
      held.forEach(removeJob)
      return held.map((job) => job.id)
    },
    async deleteJobs(query) {
      for (const job of jobsOf(query)) {
        if (query.taskId !== undefined && job.taskId !== query.taskId) continue
        if (query.tokenId !== undefined && job.tokenId !== query.tokenId) continue
        removeJob(job)
      }
    },
    async findJobs(query) {
      return jobsOf(query).sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id)).map(copy)
    },
    async claimDueJobs({ now, owner, leaseUntil, limit }) {
      const due = [...data.jobs.values()]
        .filter((j) => j.dueAt <= now && (j.lockOwner === null || (j.lockExpiresAt ?? '') <= now))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.id.localeCompare(b.id))
        .slice(0, limit)
      return due.map((job) => {
        const leased = { ...job, lockOwner: owner, lockExpiresAt: leaseUntil }
        setRow(data.jobs, job.id, leased)
        return copy(leased)
      })
    },
    async appendHistory(events) {
      for (const event of events) {
        const list = data.history.get(event.instanceId) ?? []
        if (!data.history.has(event.instanceId)) setRow(data.history, event.instanceId, list)
        list.push(copyEvent(event))
        undo.push(() => void list.pop())
      }
    },
    async listHistory(instanceId) {
      return (data.history.get(instanceId) ?? []).map(copyEvent)
    },
    async savepoint(work) {
      const mark = undo.length
      try {
        return await work()
      } catch (error) {
        for (const step of undo.splice(mark).reverse()) step()
        throw error
      }
    },
  }
}
