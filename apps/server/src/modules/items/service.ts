import { and, asc, eq, ilike, or, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { departments, itemDrafts, items, type ITEM_STATUSES } from '../../db/schema'
import type { Actor, RequestMeta } from '../../http/context'
import { conflict } from '../../http/errors'
import { audit } from '../audit/record'
import { assertCanDesign, assertDepartment, assertDesignerOf, loadItem, type ItemRow } from './access'
import { draftView, loadDraft, parseDraftForm, writeDraft, type DraftRow } from './drafts'
import { emptyGuide, type Guide } from '@hall/guide'
import { starterBpmn, starterForm } from './starter'

type Status = (typeof ITEM_STATUSES)[number]
const origin = (actor: Actor, meta: RequestMeta) => ({ actor, meta })

export async function itemView(db: Db, row: ItemRow) {
  const [dept] = await db.select({ name: departments.name }).from(departments).where(eq(departments.id, row.deptId))
  const { createdBy: _createdBy, ...item } = row
  return { ...item, deptName: dept?.name ?? '' }
}

/** Items of a unit, filtered by department, status and a search over code and name. */
export async function listItems(db: Db, actor: Actor, unitId: string, filter: { deptId?: string; status?: Status; q?: string }) {
  assertDesignerOf(actor, unitId)
  const where: SQL[] = [eq(items.unitId, unitId)]
  if (filter.deptId) where.push(eq(items.deptId, filter.deptId))
  if (filter.status) where.push(eq(items.status, filter.status))
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`
    where.push(or(ilike(items.code, pattern), ilike(items.name, pattern))!)
  }
  const rows = await db
    .select({ item: items, deptName: departments.name })
    .from(items)
    .innerJoin(departments, eq(departments.id, items.deptId))
    .where(and(...where))
    .orderBy(asc(items.code))
  return rows.map(({ item: { createdBy: _createdBy, ...item }, deptName }) => ({ ...item, deptName }))
}

/** A new item with its first draft: an empty guide, a form without fields and a start → 受理 → end process. */
export async function createItem(db: Db, actor: Actor, meta: RequestMeta, unitId: string, input: { code: string; name: string; deptId: string }) {
  await assertCanDesign(db, actor, unitId, input.deptId)
  await assertDepartment(db, unitId, input.deptId)
  const [clash] = await db.select({ id: items.id }).from(items).where(and(eq(items.unitId, unitId), eq(items.code, input.code)))
  if (clash) throw conflict('DUPLICATE_CODE', `事项编码已存在：${input.code}`, { code: '编码已存在' })
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(items).values({ id: newId(), unitId, ...input, createdBy: actor.userId }).returning()
    const [draft] = await tx
      .insert(itemDrafts)
      .values({ itemId: row!.id, guide: emptyGuide(), form: starterForm(), bpmn: starterBpmn(input.code, input.name), updatedBy: actor.userId })
      .returning()
    await audit(tx, origin(actor, meta), { action: 'item.created', objectType: 'item', objectId: row!.id, unitId, detail: { ...input } })
    return { item: await itemView(tx, row!), draft: await draftView(tx, draft!) }
  })
}

export async function getItem(db: Db, actor: Actor, id: string) {
  const row = await loadItem(db, actor, id)
  return { item: await itemView(db, row), draft: await draftView(db, await loadDraft(db, id)) }
}

/** Outcome of a save: the new draft, or the one someone else saved since the client loaded it. */
export type SaveResult = { ok: true; draft: Awaited<ReturnType<typeof draftView>> } | { ok: false; current: Awaited<ReturnType<typeof draftView>> }

/**
 * Saves the draft if nobody saved since `revision` (autosave: structure only, a half-done draft
 * is fine); otherwise nothing is written and the current draft comes back for the editor to
 * offer keep mine / take theirs / compare.
 */
export async function saveDraft(
  db: Db,
  actor: Actor,
  meta: RequestMeta,
  now: Date,
  id: string,
  input: { guide: Guide; form: unknown; bpmn: string; revision: number },
): Promise<SaveResult> {
  const item = await loadItem(db, actor, id)
  const form = parseDraftForm(input.form)
  return db.transaction(async (tx) => {
    const saved: DraftRow | undefined = await writeDraft(tx, id, input.revision, { guide: input.guide, form, bpmn: input.bpmn }, actor.userId, now)
    if (!saved) return { ok: false as const, current: await draftView(tx, await loadDraft(tx, id)) }
    await audit(tx, origin(actor, meta), { action: 'item.draft_saved', objectType: 'item', objectId: id, unitId: item.unitId, detail: { revision: saved.revision } })
    return { ok: true as const, draft: await draftView(tx, saved) }
  })
}

/** Retired items accept no new cases (the hall no longer lists them); running cases go on. */
export async function setItemStatus(db: Db, actor: Actor, meta: RequestMeta, id: string, status: Status) {
  const item = await loadItem(db, actor, id)
  return db.transaction(async (tx) => {
    const [row] = await tx.update(items).set({ status }).where(eq(items.id, id)).returning()
    await audit(tx, origin(actor, meta), { action: status === 'retired' ? 'item.retired' : 'item.reactivated', objectType: 'item', objectId: id, unitId: item.unitId })
    return itemView(tx, row!)
  })
}
