import { createEngine, systemClock, type Clock, type Engine, type HistoryEvent } from '@hall/process-engine'
import type { Db } from '../db/client'
import { createDrizzleStore } from './drizzle-store'
import { createOrgResolver } from './org-resolver'

/**
 * The process engine as the server runs it: rows in our database, people from our org tables.
 * `onEvents` hears each committed command's history (the cases module announces it live).
 */
export function createServerEngine(db: Db, clock: Clock = systemClock, onEvents?: (events: HistoryEvent[]) => void): Engine {
  return createEngine({ store: createDrizzleStore(db), clock, resolver: createOrgResolver(db), ...(onEvents ? { onEvents } : {}) })
}
