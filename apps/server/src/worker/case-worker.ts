import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { reconcileEndedCases } from '../modules/cases/on-engine-change'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'
import { startStatsRefresher } from './stats-refresher'

/**
 * The job worker as servers and `hall worker` run it: on our database, and after every batch that
 * fired something, the cases whose process a job ended (超时默认同意 on the last step) are closed
 * and written back; beside it, the statistics rollup catches up every half minute.
 */
export function startCaseWorker(db: Db, options: Omit<JobWorkerOptions, 'afterFired'>): JobWorker {
  const engine = createServerEngine(db)
  const jobs = startJobWorker(engine, { ...options, afterFired: () => reconcileEndedCases(db, engine, new Date()) })
  const stats = startStatsRefresher(db, { log: options.log })
  return { stop: () => Promise.all([jobs.stop(), stats.stop()]).then(() => undefined) }
}
