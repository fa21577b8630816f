import { and, asc, eq, inArray } from 'drizzle-orm'
import type { FormSchema } from '@hall/form-schema'
import type { Db } from '../../../db/client'
import { dcCodes, departments, itemVersions, units } from '../../../db/schema'
import type { Actor } from '../../../http/context'
import { ApiError } from '../../../http/errors'
import { loadItem } from '../../items/access'
import { dictionariesOf } from '../check'
import type { BundleItem } from './format'
import { writeBundle } from './write'

const json = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2) + '\n')

/** The code-table file of a bundle: the rows another unit creates when it lacks the table. */
export interface BundleDictionaryRow {
  code: string
  label: string
  parentCode: string | null
  sort: number
}

/**
 * The latest published version of each item, with the code tables their forms use, as one bundle.
 * Items the actor may not design are not found; an item never published cannot be exported.
 */
export async function exportBundle(db: Db, actor: Actor, now: Date, itemIds: string[]): Promise<{ zip: Buffer; fileName: string }> {
  const files = new Map<string, Buffer>()
  const entries: BundleItem[] = []
  const tables = new Set<string>()
  let unitId: string | undefined
  // Paths are numbered, not named after codes (which may hold any character), in code order so
  // that the same items always make the same files.
  const loaded = await Promise.all(itemIds.map((id) => loadItem(db, actor, id)))
  loaded.sort((a, b) => a.code.localeCompare(b.code))
  for (const [index, item] of loaded.entries()) {
    const id = item.id
    if (unitId && item.unitId !== unitId) throw new ApiError(400, 'MIXED_UNITS', '一个导出包只能包含同一单位的事项', { itemIds: '事项来自不同单位' })
    unitId = item.unitId
    if (!item.latestVersion) throw new ApiError(400, 'NOT_PUBLISHED', `事项 ${item.code} 尚未发布，不能导出`, { itemIds: `${item.code} 尚未发布` })
    const [version] = await db.select().from(itemVersions).where(and(eq(itemVersions.itemId, id), eq(itemVersions.version, item.latestVersion)))
    const [dept] = await db.select({ code: departments.code }).from(departments).where(eq(departments.id, item.deptId))
    const base = `items/${String(index + 1).padStart(3, '0')}`
    files.set(`${base}/guide.json`, json(version!.guide))
    files.set(`${base}/form.json`, json(version!.form))
    files.set(`${base}/process.bpmn`, Buffer.from(version!.bpmn))
    for (const table of dictionariesOf(version!.form as FormSchema)) tables.add(table)
    entries.push({
      code: item.code,
      name: item.name,
      version: version!.version,
      ...(dept?.code ? { deptCode: dept.code } : {}),
      files: { guide: `${base}/guide.json`, form: `${base}/form.json`, process: `${base}/process.bpmn` },
    })
  }
  const [unit] = await db.select({ code: units.code, name: units.name }).from(units).where(eq(units.id, unitId!))
  const dictionaries: { table: string; file: string }[] = []
  if (tables.size) {
    const rows = await db.select().from(dcCodes).where(and(eq(dcCodes.unitId, unitId!), inArray(dcCodes.tableCode, [...tables]))).orderBy(asc(dcCodes.tableCode), asc(dcCodes.sort), asc(dcCodes.code))
    for (const [index, table] of [...tables].sort().entries()) {
      const own: BundleDictionaryRow[] = rows.filter((row) => row.tableCode === table).map(({ code, label, parentCode, sort }) => ({ code, label, parentCode, sort }))
      if (!own.length) continue
      const file = `dictionaries/${String(index + 1).padStart(3, '0')}.json`
      files.set(file, json(own))
      dictionaries.push({ table, file })
    }
  }
  const zip = await writeBundle({ format: 1, kind: 'hall-bundle', source: { unitCode: unit!.code, unitName: unit!.name }, exportedAt: now.toISOString(), items: entries, dictionaries }, files)
  return { zip, fileName: `hall-${unit!.code}-${now.toISOString().slice(0, 10)}.zip` }
}
