import type { Logger } from 'pino'
import type { Config } from '../config'
import type { Database } from '../db/client'
import type { Role } from '../db/schema'

/** What the server is built from; tests build their own with an in-memory database and a fixed clock. */
export interface AppDeps {
  database: Database
  config: Config
  log: Logger
  /** Time for rules that depend on it (lockouts, sessions, deadlines), so tests can move it. */
  now: () => Date
}

export interface RoleGrant {
  role: Role
  unitId: string
  deptId: string | null
  canDelegate: boolean
}

/** The signed-in user behind a request. */
export interface Actor {
  userId: string
  unitId: string
  username: string
  roles: RoleGrant[]
  sessionTokenHash: string
  csrfToken: string
}

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  ip: string | null
  userAgent: string | null
}

export interface AppEnv {
  Variables: {
    deps: AppDeps
    log: Logger
    meta: RequestMeta
    actor: Actor | undefined
  }
}
