import { systemClock } from '@hall/process-engine'
import type { Db } from '../db/client'
import { createServerEngine } from '../engine/server-engine'
import { abandonLapsedTolerations } from '../modules/cases/intake-lapses'
import { announceAfterCommit } from '../modules/live/announce'
import { handOverTasks } from '../modules/org/handovers/sweep'
import { recordAlerts } from '../modules/supervision/alerts'
import { startJobWorker, type JobWorker, type JobWorkerOptions } from './job-worker'
import { startStatsRefresher } from './stats-refresher'

const HANDOVER_EVERY_MS = 60_000

/**
 * The job worker as servers and `hall worker` run it: on our database, with the server engine,
 * which closes and writes back a case in the same transaction as the job that ended its process
 * (超时默认同意 on the last step, a timer end); what jobs change is announced live like any command
 * (timeouts hand tasks on). After a batch that fired something, the steps that just warned or went
 * overdue get their supervision alerts; after every poll, tolerate-missing cases whose promised
 * date passed are abandoned. Beside it, the statistics rollup catches up every half minute, and
 * every minute AB-post handovers follow the absences that began or ended.
 */
export function startCaseWorker(db: Db, options: Omit<JobWorkerOptions, 'afterFired' | 'afterPoll'>): JobWorker {
  const engine = createServerEngine(db, systemClock, announceAfterCommit(db, () => new Date(), options.log))
  const jobs = startJobWorker(engine, {
    ...options,
    afterFired: () => recordAlerts(db, new Date()),
    afterPoll: () => abandonLapsedTolerations(db, engine, new Date()),
  })
  const stats = startStatsRefresher(db, { log: options.log })
  // AB岗: absences start and end on their own; each minute, tasks follow (handover and handback).
  const handovers = setInterval(() => {
    handOverTasks(db, engine, new Date()).catch((error: unknown) => options.log.error({ err: error }, 'AB handover round failed; retrying next minute'))
  }, HANDOVER_EVERY_MS)
  handovers.unref()
  return {
    async stop() {
      clearInterval(handovers)
      await Promise.all([jobs.stop(), stats.stop()])
    },
  }
}
