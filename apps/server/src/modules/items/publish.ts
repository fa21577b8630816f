import { DeployError } from '@hall/process-engine'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { itemDrafts, items, itemVersions } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { createServerEngine } from '../../engine/server-engine'
import type { Actor, RequestMeta } from '../../http/context'
import { ApiError, notFound } from '../../http/errors'
import { audit } from '../audit/record'
import { loadItem, lockItem, type ItemRow } from './access'
import { draftView, loadDraft } from './drafts'
import { publishProblems } from './publish-checks'
import { loadPublishContext } from './publish-context'
import type { PublishProblem } from './publish-problem'
import { deployKeyOf } from './starter'
import { versionSummary } from './versions'

type Content = Pick<typeof itemVersions.$inferSelect, 'guide' | 'form' | 'bpmn'>

export type PublishResult =
  | { ok: true; version: Awaited<ReturnType<typeof versionSummary>>; warnings: PublishProblem[] }
  | { ok: false; problems: PublishProblem[] }
  | { ok: false; stale: Awaited<ReturnType<typeof draftView>> }

/**
 * Deploys the BPMN through the engine and freezes the content as version n+1, in the caller's
 * transaction: the deployment, the version row, `latest_version` and the audit record commit
 * together or not at all.
 */
async function freeze(tx: Db, now: () => Date, item: ItemRow, content: Content, by: Actor, extra: { republishedFrom?: number; note?: string }) {
  const locked = await lockItem(tx, item.id)
  const engine = createServerEngine(tx, { now })
  const definition = await engine.deploy(content.bpmn, { key: deployKeyOf(item.id) })
  const version = (locked.latestVersion ?? 0) + 1
  const [row] = await tx
    .insert(itemVersions)
    .values({ id: newId(), itemId: item.id, unitId: item.unitId, version, ...content, definitionId: definition.id, republishedFrom: extra.republishedFrom ?? null, note: extra.note ?? null, publishedAt: now(), publishedBy: by.userId })
    .returning()
  await tx.update(items).set({ latestVersion: version }).where(eq(items.id, item.id))
  return row!
}

/**
 * Publishes the draft: every problem of guide, form, process and their bindings is listed at once
 * and nothing is published while any is an error. With `revision`, a draft saved by someone else
 * since is not published behind the publisher's back.
 */
export async function publishItem(db: Db, actor: Actor, meta: RequestMeta, now: () => Date, id: string, input: { revision?: number; note?: string }): Promise<PublishResult> {
  const item = await loadItem(db, actor, id)
  const draft = await loadDraft(db, id)
  if (input.revision !== undefined && input.revision !== draft.revision) return { ok: false, stale: await draftView(db, draft) }
  const problems = await publishProblems(draft, await loadPublishContext(db, item.unitId, item.code))
  if (problems.some((p) => p.severity === 'error')) return { ok: false, problems }
  const content = { guide: draft.guide, form: draft.form, bpmn: draft.bpmn }
  const row = await inTransaction(db, async (tx) => {
    const frozen = await freeze(tx, now, item, content, actor, input.note ? { note: input.note } : {})
    await audit(tx, { actor, meta }, { action: 'item.published', objectType: 'item', objectId: id, unitId: item.unitId, detail: { version: frozen.version, definitionId: frozen.definitionId, revision: draft.revision } })
    return frozen
  })
  return { ok: true, version: await versionSummary(db, row), warnings: problems }
}

/**
 * Publishes an old version again as version n+1 (`republishedFrom`) and resets the draft to it,
 * so the next edit starts from what now runs. The content passed publish when it was frozen.
 */
export async function republishVersion(db: Db, actor: Actor, meta: RequestMeta, now: () => Date, id: string, from: number) {
  const item = await loadItem(db, actor, id)
  const [source] = await db.select().from(itemVersions).where(and(eq(itemVersions.itemId, id), eq(itemVersions.version, from)))
  if (!source) throw notFound('事项版本', String(from))
  try {
    const row = await inTransaction(db, async (tx) => {
      const content = { guide: source.guide, form: source.form, bpmn: source.bpmn }
      const frozen = await freeze(tx, now, item, content, actor, { republishedFrom: from, note: `重新发布第 ${from} 版` })
      const draft = await loadDraft(tx, id)
      await tx.update(itemDrafts).set({ ...content, revision: draft.revision + 1, updatedAt: now(), updatedBy: actor.userId }).where(eq(itemDrafts.itemId, id))
      await audit(tx, { actor, meta }, { action: 'item.republished', objectType: 'item', objectId: id, unitId: item.unitId, detail: { version: frozen.version, republishedFrom: from } })
      return frozen
    })
    return versionSummary(db, row)
  } catch (error) {
    // The engine may have tightened its rules since the old version was published.
    if (error instanceof DeployError) throw new ApiError(422, 'PUBLISH_INVALID', `第 ${from} 版的流程已不能部署：${error.problems.map((p) => p.message).join('；')}`)
    throw error
  }
}
