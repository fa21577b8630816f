import type { Engine } from '@hall/process-engine'
import { inTransaction } from '../../engine/drizzle-store'
import { createServerEngine } from '../../engine/server-engine'
import { announceAfterCommit } from '../live/announce'
import type { Db } from '../../db/client'
import type { AppDeps } from '../../http/context'
import { engineFailure } from './engine-errors'

const engines = new WeakMap<AppDeps, Engine>()

/** The app's engine: one per app (it caches compiled definitions), on the app's clock; its commands are announced live once committed. */
export function engineOf(deps: AppDeps): Engine {
  let engine = engines.get(deps)
  if (!engine) {
    engine = createServerEngine(deps.database.db, { now: deps.now }, announceAfterCommit(deps.database.db, deps.now, deps.log))
    engines.set(deps, engine)
  }
  return engine
}

/**
 * Runs `work` in one transaction that engine commands join, so a case change and the engine rows
 * it depends on commit together; engine refusals become API errors naming what went wrong.
 */
export async function withEngine<T>(deps: AppDeps, work: (tx: Db, engine: Engine) => Promise<T>): Promise<T> {
  const engine = engineOf(deps)
  try {
    return await inTransaction(deps.database.db, (tx) => work(tx, engine))
  } catch (error) {
    throw engineFailure(error)
  }
}
