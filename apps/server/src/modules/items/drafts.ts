import { parseFormSchema } from '@hall/form-schema'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { itemDrafts, users } from '../../db/schema'
import { ApiError } from '../../http/errors'
import type { Guide } from '@hall/guide'

export type DraftRow = typeof itemDrafts.$inferSelect

/** A draft as the API answers it: who saved it last by name, so a conflict can say who. */
export async function draftView(db: Db, draft: DraftRow) {
  const [by] = draft.updatedBy ? await db.select({ id: users.id, name: users.displayName }).from(users).where(eq(users.id, draft.updatedBy)) : []
  return {
    guide: draft.guide as unknown as Record<string, unknown>,
    form: draft.form as unknown as Record<string, unknown>,
    bpmn: draft.bpmn,
    revision: draft.revision,
    updatedAt: draft.updatedAt,
    updatedBy: by ?? null,
  }
}

export async function loadDraft(db: Db, itemId: string): Promise<DraftRow> {
  const [draft] = await db.select().from(itemDrafts).where(eq(itemDrafts.itemId, itemId))
  // Every item is created with its draft in one transaction.
  if (!draft) throw new Error(`item ${itemId} has no draft`)
  return draft
}

/** A form JSON that is at least a form schema; a half-done one is fine (lint runs at publish). */
export function parseDraftForm(form: unknown) {
  const parsed = parseFormSchema(form)
  if (!parsed.ok) throw new ApiError(400, 'FORM_INVALID', '表单定义有误', Object.fromEntries(parsed.problems.map((p) => [p.path ? `form.${p.path}` : 'form', p.message])))
  return parsed.schema
}

/**
 * Writes the draft if it is still at `revision`; `undefined` when someone saved in between, so the
 * caller answers with their version instead of overwriting it.
 */
export async function writeDraft(
  tx: Db,
  itemId: string,
  revision: number,
  content: { guide: Guide; form: DraftRow['form']; bpmn: string },
  userId: string,
  at: Date,
): Promise<DraftRow | undefined> {
  const [row] = await tx
    .update(itemDrafts)
    .set({ ...content, revision: revision + 1, updatedAt: at, updatedBy: userId })
    .where(and(eq(itemDrafts.itemId, itemId), eq(itemDrafts.revision, revision)))
    .returning()
  return row
}
