/**
 * Firing a batch of claimed jobs in ONE transaction. First all together: the jobs still
 * ours are acknowledged (deleted, fenced by lock owner) in one statement, their instances read
 * at once and every effect written without waiting in between, so a pipelining store spends a
 * few round trips on the whole batch. If anything in that pass throws, the transaction is
 * undone and the batch fired again with a savepoint per job: the failing job is undone alone
 * and put back (still leased) to be retried after its lease, while the others commit.
 */
import { EngineError, ErrorCode, VersionConflict } from '../errors'
import type { BeforeCommit, HistoryEvent, JobRow, Store, StoreTx } from '../store/types'
import { fireJob } from './jobs'
import type { Run } from './run'
import type { InstanceState } from './state'

type Loaded = { state: InstanceState; version: number }

/** A job that belongs to an instance: the only kind a batch fires (timer starts have none). */
export type InstanceJob = JobRow & { instanceId: string }

/** What the engine lends the batch: its store and how it runs a command on a loaded instance. */
export interface BatchContext {
  store: Store
  mutateIn(tx: StoreTx, instanceId: string, apply: (run: Run) => Promise<void>, options: { allowEnded: boolean; record: Loaded }): Promise<{ events: HistoryEvent[] }>
  retries: number
  /** The host's writes that commit with the batch (per job when fired apart, so a failing one undoes only its job). */
  beforeCommit?: BeforeCommit
}

export interface BatchOutcome {
  fired: number
  events: HistoryEvent[]
  /** Errors of jobs that were put back for a retry. */
  failures: unknown[]
}

/** Fire `batch` as `owner`; throws only when even the job-by-job transaction fails to commit. */
export async function fireBatch(context: BatchContext, batch: InstanceJob[], owner: string): Promise<BatchOutcome> {
  try {
    return await context.store.transaction((tx) => fireTogether(context, tx, batch, owner))
  } catch {
    return context.store.transaction((tx) => fireApart(context, tx, batch, owner))
  }
}

/** Acknowledge the jobs still ours; returns them with their instances (undefined = deleted instance). */
async function acknowledge(tx: StoreTx, batch: InstanceJob[], owner: string): Promise<{ job: InstanceJob; record: Loaded | undefined }[]> {
  // Deleting the jobs fences them: a job another worker took over is skipped, and until this
  // transaction ends no other worker can claim the ones deleted here.
  const acked = new Set(await tx.ackJobs(batch.map((job) => job.id), owner))
  const mine = batch.filter((job) => acked.has(job.id))
  const loaded = await tx.loadInstances([...new Set(mine.map((job) => job.instanceId))])
  return mine.map((job) => ({ job, record: loaded.get(job.instanceId) }))
}

async function fireTogether(context: BatchContext, tx: StoreTx, batch: InstanceJob[], owner: string): Promise<BatchOutcome> {
  const events: HistoryEvent[] = []
  const seen = new Set<string>()
  let fired = 0
  for (const { job, record } of await acknowledge(tx, batch, owner)) {
    // A second job of one instance must see the first one's effect: read it again.
    const current = seen.has(job.instanceId) ? await tx.loadInstance(job.instanceId) : record
    seen.add(job.instanceId)
    if (!current) continue
    events.push(...(await context.mutateIn(tx, job.instanceId, (run) => fireJob(run, job), { allowEnded: true, record: current })).events)
    fired++
  }
  await tx.appendHistory(events)
  if (events.length) await context.beforeCommit?.(events, tx)
  return { fired, events, failures: [] }
}

async function fireApart(context: BatchContext, tx: StoreTx, batch: InstanceJob[], owner: string): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { fired: 0, events: [], failures: [] }
  for (const { job } of await acknowledge(tx, batch, owner)) {
    for (let attempt = 1; ; attempt++) {
      try {
        const { events } = await tx.savepoint(async () => {
          const record = await tx.loadInstance(job.instanceId)
          if (!record) throw new EngineError(ErrorCode.INSTANCE_NOT_FOUND, `Instance ${job.instanceId} does not exist`)
          const fired = await context.mutateIn(tx, job.instanceId, (run) => fireJob(run, job), { allowEnded: true, record })
          if (fired.events.length) await context.beforeCommit?.(fired.events, tx)
          return fired
        })
        outcome.events.push(...events)
        outcome.fired++
      } catch (error) {
        // Another transaction saved the instance first: fire again on its new version.
        if (error instanceof VersionConflict && attempt < context.retries) continue
        // A job of a deleted instance stays dropped; any other failure puts the job back, still leased.
        if (!(error instanceof EngineError && error.code === ErrorCode.INSTANCE_NOT_FOUND)) {
          outcome.failures.push(error)
          await tx.insertJob(job)
        }
      }
      break
    }
  }
  await tx.appendHistory(outcome.events)
  return outcome
}
