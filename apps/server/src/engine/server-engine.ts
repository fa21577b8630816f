import { createEngine, systemClock, type Clock, type Engine, type HistoryEvent } from '@hall/process-engine'
import type { Db } from '../db/client'
import { closeEndedCases } from '../modules/cases/on-engine-change'
import { createDrizzleStore } from './drizzle-store'
import { createOrgResolver } from './org-resolver'

/**
 * The process engine as the server runs it: rows in our database, people from our org tables,
 * a case closed (and written back) in the same transaction as the command or job that ended its
 * process, and `onEvents` hearing each committed command's history (the cases module announces it live).
 */
export function createServerEngine(db: Db, clock: Clock = systemClock, onEvents?: (events: HistoryEvent[]) => void): Engine {
  return createEngine({ store: createDrizzleStore(db), clock, resolver: createOrgResolver(db), beforeCommit: closeEndedCases(db), ...(onEvents ? { onEvents } : {}) })
}
