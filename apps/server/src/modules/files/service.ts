import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { newId } from '../../db/ids'
import { files } from '../../db/schema'
import type { AppDeps } from '../../http/context'
import { audit, type AuditOrigin } from '../audit/record'
import type { FileRow } from './access'
import type { CheckedFile } from './check-upload'
import { fileStorage, type FileStorage } from './storage'

/** The storage the configuration names: HALL_FILES_DIR, or the database. */
export const storageOf = (deps: Pick<AppDeps, 'config'>): FileStorage => fileStorage(deps.config.HALL_FILES_DIR)

type Origin = Required<Pick<AuditOrigin, 'actor'>> & AuditOrigin

/**
 * Records checked files for the actor's unit in one transaction with their audit entries; with a
 * folder, bytes written before a failed commit are removed again, so nothing is half-stored.
 */
export async function saveFiles(
  deps: Pick<AppDeps, 'config' | 'database'>,
  origin: Origin,
  checked: readonly CheckedFile[],
  link: { field: string | null; material: string | null; forCaseId: string | null; caseId: string | null },
) {
  const storage = storageOf(deps)
  const ids = checked.map(() => newId())
  try {
    return await deps.database.db.transaction(async (tx) => {
      const rows = []
      for (const [index, file] of checked.entries()) {
        const id = ids[index]!
        const [row] = await tx
          .insert(files)
          .values({
            id,
            unitId: origin.actor.unitId,
            uploadedBy: origin.actor.userId,
            ...link,
            name: file.name,
            mime: file.mime,
            size: file.bytes.byteLength,
            sha256: createHash('sha256').update(file.bytes).digest('hex'),
            storage: storage.kind,
          })
          .returning()
        await storage.put(tx, id, file.bytes)
        await audit(tx, origin, { action: 'file.uploaded', objectType: 'file', objectId: id, detail: { name: file.name, mime: file.mime, size: file.bytes.byteLength, ...link } })
        rows.push(row!)
      }
      return rows
    })
  } catch (error) {
    await Promise.all(ids.map((id) => storage.discard(id)))
    throw error
  }
}

/** Deletes the row (and its database bytes) with an audit entry; a folder's file goes once that committed. */
export async function deleteFile(deps: Pick<AppDeps, 'config' | 'database'>, origin: Origin, file: FileRow & { name: string }): Promise<void> {
  await deps.database.db.transaction(async (tx) => {
    await tx.delete(files).where(eq(files.id, file.id))
    await audit(tx, origin, { action: 'file.deleted', objectType: 'file', objectId: file.id, unitId: file.unitId, detail: { name: file.name } })
  })
  await storageOf(deps).remove(file.id)
}
