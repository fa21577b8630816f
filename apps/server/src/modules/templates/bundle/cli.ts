import { readFile, writeFile } from 'node:fs/promises'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { departments, items, users } from '../../../db/schema'
import type { Actor } from '../../../http/context'
import { grantsOf } from '../../auth/session'
import { exportBundle } from './export'
import { importBundle, type ImportReport } from './import'

/** The CLI acts as a named, active user, with exactly that user's rights; the audit trail says who. */
export async function actorNamed(db: Db, username: string): Promise<Actor> {
  const [row] = await db.select({ userId: users.id, unitId: users.unitId, username: users.username }).from(users).where(and(eq(users.username, username), eq(users.status, 'active')))
  if (!row) throw new Error(`no active user ${username}`)
  return { ...row, roles: await grantsOf(db, row.userId), sessionTokenHash: '', csrfToken: '' }
}

const CLI_META = { ip: null, userAgent: 'hall-cli' }

/** `hall export`: the named items of the user's unit, by code, into a bundle file. */
export async function exportToFile(db: Db, actor: Actor, codes: string[], out: string): Promise<string[]> {
  const rows = await db.select({ id: items.id, code: items.code }).from(items).where(and(eq(items.unitId, actor.unitId), inArray(items.code, codes)))
  const missing = codes.filter((code) => !rows.some((row) => row.code === code))
  if (missing.length) throw new Error(`no such items in ${actor.username}'s unit: ${missing.join(', ')}`)
  const { zip } = await exportBundle(db, actor, new Date(), rows.map((row) => row.id))
  await writeFile(out, zip)
  return rows.map((row) => row.code)
}

/** `hall import`: a bundle file into the user's unit; a preview unless `apply`. Posts as `A=B`, the department by code. */
export async function importFromFile(db: Db, actor: Actor, file: string, options: { apply: boolean; map: string[]; dept?: string }): Promise<ImportReport> {
  const posts = Object.fromEntries(
    options.map.map((pair) => {
      const [from, to] = pair.split('=')
      if (!from || !to) throw new Error(`--map takes FROM=TO post codes, got ${pair}`)
      return [from, to]
    }),
  )
  let deptId: string | undefined
  if (options.dept) {
    const [dept] = await db.select({ id: departments.id }).from(departments).where(and(eq(departments.unitId, actor.unitId), eq(departments.code, options.dept)))
    if (!dept) throw new Error(`no department ${options.dept} in ${actor.username}'s unit`)
    deptId = dept.id
  }
  const now = () => new Date()
  return importBundle(db, actor, CLI_META, now, actor.unitId, await readFile(file), { dryRun: !options.apply, posts, ...(deptId ? { deptId } : {}) })
}
