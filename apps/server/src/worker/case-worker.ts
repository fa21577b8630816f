import { systemClock } from '@hall/process-engine'
import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { announceAfterCommit } from '../modules/live/announce'
import { reconcileEndedCases } from '../modules/cases/on-engine-change'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'

/**
 * The job worker as servers and `hall worker` run it: on our database, and after every batch that
 * fired something, the cases whose process a job ended (超时默认同意 on the last step) are closed
 * and written back. What jobs change is announced live like any command (timeouts hand tasks on).
 */
export function startCaseWorker(db: Db, options: Omit<JobWorkerOptions, 'afterFired'>): JobWorker {
  const engine = createServerEngine(db, systemClock, announceAfterCommit(db, () => new Date(), options.log))
  return startJobWorker(engine, { ...options, afterFired: () => reconcileEndedCases(db, engine, new Date()) })
}
