import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { reconcileEndedCases } from '../modules/cases/on-engine-change'
import { handOverTasks } from '../modules/org/handovers/sweep'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'

/**
 * The job worker as servers and `hall worker` run it: on our database, and after every batch that
 * fired something, the cases whose process a job ended (超时默认同意 on the last step) are closed
 * and written back; every minute, AB-post handovers follow the absences that began or ended.
 */
export function startCaseWorker(db: Db, options: Omit<JobWorkerOptions, 'afterFired'>): JobWorker {
  const engine = createServerEngine(db)
  const jobs = startJobWorker(engine, { ...options, afterFired: () => reconcileEndedCases(db, engine, new Date()) })
  // AB岗: absences start and end on their own; each minute, tasks follow (handover and handback).
  const handovers = setInterval(() => {
    handOverTasks(db, engine, new Date()).catch((error: unknown) => options.log.error({ err: error }, 'AB handover round failed; retrying next minute'))
  }, HANDOVER_EVERY_MS)
  handovers.unref()
  return {
    async stop() {
      clearInterval(handovers)
      await jobs.stop()
    },
  }
}

const HANDOVER_EVERY_MS = 60_000
