import { rename, rm, writeFile } from 'node:fs/promises'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { fileContents } from '../../db/schema'

/**
 * Where the bytes of uploads live: the database (embedded default, one backup holds everything)
 * or HALL_FILES_DIR, one file per upload named by its id so no user-chosen name ever reaches the
 * file system.
 */
export interface FileStorage {
  readonly kind: 'database' | 'folder'
  /** Saves the bytes; with the database, inside `tx`, so they roll back with the row. */
  put(tx: Db, id: string, bytes: Uint8Array): Promise<void>
  get(db: Db, id: string): Promise<Uint8Array | undefined>
  /** Undoes `put` for a folder when the transaction that recorded the file failed. */
  discard(id: string): Promise<void>
  /** Removes the bytes after the row's deletion committed (the database cascades by itself). */
  remove(id: string): Promise<void>
}

export function fileStorage(dir: string | undefined): FileStorage {
  return dir ? folderStorage(dir) : databaseStorage
}

const databaseStorage: FileStorage = {
  kind: 'database',
  async put(tx, id, bytes) {
    await tx.insert(fileContents).values({ fileId: id, bytes })
  },
  async get(db, id) {
    const [row] = await db.select({ bytes: fileContents.bytes }).from(fileContents).where(eq(fileContents.fileId, id))
    return row?.bytes
  },
  discard: async () => {},
  remove: async () => {},
}

// Ids are our UUIDs; the check keeps a bug elsewhere from turning into a path outside the folder.
const safeId = (id: string) => {
  if (!/^[0-9a-f-]{36}$/.test(id)) throw new Error(`not a file id: ${id}`)
  return id
}

function folderStorage(dir: string): FileStorage {
  const path = (id: string) => join(dir, safeId(id))
  return {
    kind: 'folder',
    async put(_tx, id, bytes) {
      // Written under a temporary name and renamed, so a crash never leaves half a file under the id.
      await writeFile(`${path(id)}.part`, bytes, { flag: 'wx' })
      await rename(`${path(id)}.part`, path(id))
    },
    async get(_db, id) {
      try {
        return new Uint8Array(await readFile(path(id)))
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
        throw error
      }
    },
    discard: (id) => rm(path(id), { force: true }),
    remove: (id) => rm(path(id), { force: true }),
  }
}
