import { and, asc, desc, eq, isNotNull } from 'drizzle-orm'
import type { FormSchema } from '@hall/form-schema'
import type { Db } from '../../db/client'
import { departments, items, itemVersions, users } from '../../db/schema'
import type { Actor } from '../../http/context'
import { notFound } from '../../http/errors'
import { assertUnitVisible } from '../org/access'
import { loadItem } from './access'
import { readBpmnElements } from './bpmn-elements'
import { diffBpmn } from './diff/bpmn-diff'
import { diffForm } from './diff/form-diff'
import { diffGuide } from './diff/guide-diff'
import { loadDraft } from './drafts'
import { guideSchema, type Guide } from '@hall/guide'

type VersionRow = typeof itemVersions.$inferSelect

/** A version without its content, with the publisher by name. */
export async function versionSummary(db: Db, row: VersionRow) {
  const [by] = row.publishedBy ? await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, row.publishedBy)) : []
  return { version: row.version, definitionId: row.definitionId, republishedFrom: row.republishedFrom, note: row.note, publishedAt: row.publishedAt, publishedBy: by ?? null }
}

export async function listVersions(db: Db, actor: Actor, id: string) {
  await loadItem(db, actor, id)
  const rows = await db.select().from(itemVersions).where(eq(itemVersions.itemId, id)).orderBy(desc(itemVersions.version))
  return Promise.all(rows.map((row) => versionSummary(db, row)))
}

async function loadVersion(db: Db, id: string, version: number): Promise<VersionRow> {
  const [row] = await db.select().from(itemVersions).where(and(eq(itemVersions.itemId, id), eq(itemVersions.version, version)))
  if (!row) throw notFound('事项版本', String(version))
  return row
}

export async function getVersion(db: Db, actor: Actor, id: string, version: number) {
  await loadItem(db, actor, id)
  const row = await loadVersion(db, id, version)
  return { ...(await versionSummary(db, row)), guide: row.guide as unknown as Record<string, unknown>, form: row.form as unknown as Record<string, unknown>, bpmn: row.bpmn }
}

interface Content {
  guide: Guide
  form: FormSchema
  bpmn: string
}

/** A stored guide read with today's defaults, so a field added since counts as unchanged. */
const guideOf = (guide: unknown) => guideSchema.safeParse(guide).data ?? guideSchema.parse({})

/** The readable difference between two versions, or a version and the draft (`to: 'draft'`). */
export async function diffVersions(db: Db, actor: Actor, id: string, from: number, to: number | 'draft') {
  await loadItem(db, actor, id)
  const before: Content = await loadVersion(db, id, from)
  const after: Content = to === 'draft' ? await loadDraft(db, id) : await loadVersion(db, id, to)
  const [oldElements, newElements] = await Promise.all([readBpmnElements(before.bpmn), readBpmnElements(after.bpmn)])
  return {
    from: `v${from}`,
    to: to === 'draft' ? 'draft' : `v${to}`,
    guide: diffGuide(guideOf(before.guide), guideOf(after.guide)),
    form: diffForm(before.form, after.form),
    // A half-drawn draft may not parse: its elements then count as none rather than failing the diff.
    process: diffBpmn(oldElements.ok ? oldElements.elements : [], newElements.ok ? newElements.elements : []),
  }
}

/**
 * The hall catalog: the unit's active items that have a published version, each with its latest
 * guide. Open to everyone of the unit (applicants browse it); retired items are not listed.
 */
export async function publishedCatalog(db: Db, actor: Actor, unitId: string) {
  assertUnitVisible(actor, unitId)
  const rows = await db
    .select({ item: items, deptName: departments.name, version: itemVersions })
    .from(items)
    .innerJoin(departments, eq(departments.id, items.deptId))
    .innerJoin(itemVersions, and(eq(itemVersions.itemId, items.id), eq(itemVersions.version, items.latestVersion)))
    .where(and(eq(items.unitId, unitId), eq(items.status, 'active'), isNotNull(items.latestVersion)))
    .orderBy(asc(items.code))
  return rows.map(({ item, deptName, version }) => ({
    itemId: item.id,
    code: item.code,
    name: item.name,
    deptId: item.deptId,
    deptName,
    version: version.version,
    definitionId: version.definitionId,
    guide: version.guide as unknown as Record<string, unknown>,
  }))
}
