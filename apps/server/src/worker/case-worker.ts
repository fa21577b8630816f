import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { reconcileEndedCases } from '../modules/cases/on-engine-change'
import { recordAlerts } from '../modules/supervision/alerts'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'

/**
 * The job worker as servers and `hall worker` run it: on our database, and after every batch that
 * fired something, the cases whose process a job ended (超时默认同意 on the last step) are closed
 * and written back, and the steps that just warned or went overdue get their supervision alerts.
 */
export function startCaseWorker(db: Db, options: Omit<JobWorkerOptions, 'afterFired'>): JobWorker {
  const engine = createServerEngine(db)
  return startJobWorker(engine, {
    ...options,
    afterFired: async () => {
      await reconcileEndedCases(db, engine, new Date())
      await recordAlerts(db, new Date())
    },
  })
}
