import type { Logger } from 'pino'
import type { Db } from '../db/client'
import { refreshStats } from '../modules/stats/refresh'

/** How often the statistics rollup catches up: dashboards lag events by at most this. */
export const STATS_REFRESH_MS = 30_000

/**
 * The worker's statistics step: every `everyMs` (and once at start) the facts and daily rollup
 * catch up with new history events, case changes, ratings and notices. Runs never overlap; a
 * failed run is logged and the next one reads the same changes again (the watermark did not move).
 */
export function startStatsRefresher(db: Db, options: { log: Logger; everyMs?: number }): { stop(): Promise<void> } {
  let current: Promise<unknown> = Promise.resolve()
  const run = () => {
    current = current.then(async () => {
      try {
        const cases = await refreshStats(db)
        if (cases) options.log.debug({ cases }, 'statistics refreshed')
      } catch (error) {
        options.log.error({ err: error }, 'statistics refresh failed; retrying at the next interval')
      }
    })
  }
  run()
  const timer = setInterval(run, options.everyMs ?? STATS_REFRESH_MS)
  timer.unref()
  return {
    async stop() {
      clearInterval(timer)
      await current
    },
  }
}
