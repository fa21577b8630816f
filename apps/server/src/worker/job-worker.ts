import { hostname } from 'node:os'
import type { Engine } from '@hall/process-engine'
import type { Logger } from 'pino'

export interface JobWorker {
  /** Stops claiming; resolves when the current batch has finished. */
  stop(): Promise<void>
}

export interface JobWorkerOptions {
  /** Unique per worker: leases and fencing are by owner. */
  owner?: string
  /** Pause between polls when nothing was due. */
  idleMs?: number
  batch?: number
  /** Jobs fired at once: more than 1 only pays on PostgreSQL, whose pool runs them in parallel. */
  concurrency?: number
  leaseMs?: number
  /** After a batch that fired something: work that follows from fired jobs (supervision alerts). */
  afterFired?: () => Promise<unknown>
  /** After every poll, fired or not: sweeps of dates kept outside the job table (容缺 promises). */
  afterPoll?: () => Promise<unknown>
  log: Logger
}

/**
 * Fires due timers, warnings and deadlines. Any number of these may run against one database
 * (one inside each server, more with `hall worker`): jobs are leased, and a job's effect and its
 * deletion commit together, so a job delivered twice takes effect once.
 */
export function startJobWorker(engine: Engine, options: JobWorkerOptions): JobWorker {
  const owner = options.owner ?? `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`
  const batch = options.batch ?? 100
  let running = true
  let wake: (() => void) | undefined
  const loop = (async () => {
    while (running) {
      let fired = 0
      try {
        fired = await engine.runDueJobs({ owner, limit: batch, concurrency: options.concurrency ?? 1, leaseMs: options.leaseMs ?? 60_000 })
        if (fired) {
          options.log.debug({ owner, fired }, 'fired due jobs')
          await options.afterFired?.()
        }
        await options.afterPoll?.()
      } catch (error) {
        options.log.error({ err: error, owner }, 'job worker batch failed; retrying after a pause')
      }
      // A full batch means more may be due: go again at once.
      if (fired < batch && running) {
        await new Promise<void>((done) => {
          wake = done
          setTimeout(done, options.idleMs ?? 1_000).unref()
        })
      }
    }
  })()
  return {
    async stop() {
      running = false
      wake?.()
      await loop
    },
  }
}
