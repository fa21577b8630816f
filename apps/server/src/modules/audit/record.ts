import type { Db } from '../../db/client'
import { auditLog } from '../../db/schema'
import type { Actor, RequestMeta } from '../../http/context'

/** Who acts and from where: an actor for signed-in requests, or just the origin for sign-in attempts. */
export interface AuditOrigin {
  actor?: Pick<Actor, 'userId' | 'unitId'>
  meta: RequestMeta
}

export interface AuditEntry {
  /** Dotted verb, e.g. `user.created`, `auth.login_failed`. */
  action: string
  objectType: string
  objectId?: string | null
  /** The unit the object belongs to, when it differs from the actor's (platform admins). */
  unitId?: string | null
  detail?: Record<string, unknown>
}

/**
 * Appends one audit record. Call it with the same transaction as the write it describes, so a write
 * and its record commit or roll back together.
 */
export async function audit(db: Db, origin: AuditOrigin, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    unitId: entry.unitId ?? origin.actor?.unitId ?? null,
    actorId: origin.actor?.userId ?? null,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId ?? null,
    ip: origin.meta.ip,
    userAgent: origin.meta.userAgent,
    detail: entry.detail ?? null,
  })
}
