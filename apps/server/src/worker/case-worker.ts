import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'

/**
 * The job worker as servers and `hall worker` run it: on our database, with the server engine,
 * which closes and writes back a case in the same transaction as the job that ended its process
 * (超时默认同意 on the last step, a timer end).
 */
export function startCaseWorker(db: Db, options: JobWorkerOptions): JobWorker {
  return startJobWorker(createServerEngine(db), options)
}
