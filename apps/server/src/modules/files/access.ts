import type { Db } from '../../db/client'
import type { files } from '../../db/schema'
import type { Actor } from '../../http/context'
import { notFound } from '../../http/errors'
import { canSeeCase } from '../cases/access'
import { holdsRole } from '../org/access'

export type FileRow = Pick<typeof files.$inferSelect, 'id' | 'unitId' | 'uploadedBy' | 'caseId'>

export const FILE_ACTIONS = { read: 'read', delete: 'delete' } as const
export type FileAction = (typeof FILE_ACTIONS)[keyof typeof FILE_ACTIONS]

/**
 * THE access decision for an uploaded file; every route asks here. The uploader and the unit
 * admins of the file's unit may read it, and so may everyone who may see the case it is attached
 * to (its handlers, the window); it may be deleted only while it is not attached to a case (an
 * attached material is part of the record).
 */
export async function mayAccessFile(db: Db, actor: Actor, file: FileRow, action: FileAction): Promise<boolean> {
  if (action === FILE_ACTIONS.delete && file.caseId !== null) return false
  if (file.uploadedBy === actor.userId) return true
  if (await holdsRole(db, actor, ['unit_admin'], file.unitId)) return true
  return action === FILE_ACTIONS.read && file.caseId !== null && canSeeCase(db, actor, file.caseId)
}

/** Throws 404 (not 403) when the actor may not: another user's file does not exist for them. */
export async function assertMayAccessFile(db: Db, actor: Actor, file: FileRow | undefined, action: FileAction): Promise<FileRow> {
  if (!file || !(await mayAccessFile(db, actor, file, action))) throw notFound('文件', file?.id)
  return file
}
