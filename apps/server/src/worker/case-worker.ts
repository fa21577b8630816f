import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { abandonLapsedTolerations } from '../modules/cases/intake-lapses'
import { reconcileEndedCases } from '../modules/cases/on-engine-change'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'

/**
 * The job worker as servers and `hall worker` run it: on our database, and after every batch that
 * fired something, the cases whose process a job ended (超时默认同意 on the last step) are closed
 * and written back; after every poll, tolerate-missing cases whose promised date passed are abandoned.
 */
export function startCaseWorker(db: Db, options: Omit<JobWorkerOptions, 'afterFired' | 'afterPoll'>): JobWorker {
  const engine = createServerEngine(db)
  return startJobWorker(engine, {
    ...options,
    afterFired: () => reconcileEndedCases(db, engine, new Date()),
    afterPoll: () => abandonLapsedTolerations(db, engine, new Date()),
  })
}
