import { isDeepStrictEqual } from 'node:util'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { items, itemVersions, posts } from '../../db/schema'
import type { Actor, RequestMeta } from '../../http/context'
import { ApiError } from '../../http/errors'
import { loadDraft } from '../items/drafts'
import type { Guide } from '@hall/guide'
import { publishItem } from '../items/publish'
import type { PublishProblem } from '../items/publish-problem'
import { createItem, saveDraft } from '../items/service'
import { canonicalBpmn } from './post-mapping'

/** Guide, form and process as a template or bundle carries them. */
export interface ItemContent {
  guide: Guide
  form: unknown
  bpmn: string
}

/** What installing one item did: a new item, a new version of an existing one, or nothing at all. */
export type InstallAction = 'created' | 'new-version' | 'unchanged'

/** Installing failed on the publish checks: every problem, nothing written. */
export class ContentRejected extends ApiError {
  constructor(
    readonly itemCode: string,
    readonly problems: PublishProblem[],
  ) {
    super(422, 'PUBLISH_INVALID', `事项 ${itemCode} 未通过发布检查，未导入任何内容`)
  }
}

/** Codes of the unit's posts, for mapping a template's or bundle's post codes. */
export async function unitPostCodes(db: Db, unitId: string): Promise<Set<string>> {
  const rows = await db.select({ code: posts.code }).from(posts).where(eq(posts.unitId, unitId))
  return new Set(rows.map((row) => row.code))
}

/**
 * Each required post code mapped to one of the unit's posts: the caller's choice, else the same
 * code when the unit has it. Throws naming every code left unmapped or mapped to no such post.
 */
export function resolvePostMapping(required: Iterable<string>, chosen: Readonly<Record<string, string>>, unitPosts: ReadonlySet<string>): Record<string, string> {
  const mapping: Record<string, string> = {}
  const fields: Record<string, string> = {}
  for (const code of required) {
    const target = chosen[code] ?? (unitPosts.has(code) ? code : undefined)
    if (!target) fields[`posts.${code}`] = `请为岗位 ${code} 选择本单位的岗位`
    else if (!unitPosts.has(target)) fields[`posts.${code}`] = `本单位没有岗位 ${target}`
    else mapping[code] = target
  }
  if (Object.keys(fields).length) throw new ApiError(422, 'MAPPING_REQUIRED', '有岗位尚未对应到本单位的岗位', fields)
  return mapping
}

async function sameContent(db: Db, itemId: string, version: number, content: ItemContent): Promise<boolean> {
  const [latest] = await db.select().from(itemVersions).where(and(eq(itemVersions.itemId, itemId), eq(itemVersions.version, version)))
  if (!latest) return false
  return isDeepStrictEqual(latest.guide, content.guide) && isDeepStrictEqual(latest.form, content.form) && (await canonicalBpmn(latest.bpmn)) === (await canonicalBpmn(content.bpmn))
}

/**
 * Publishes `content` as the item with `code` in the unit: a new item, or a new version of the
 * existing one, or nothing when its latest version already says the same (so installing twice is
 * idempotent). Run it inside the caller's transaction; publish problems throw `ContentRejected`.
 */
export async function publishContent(
  tx: Db,
  actor: Actor,
  meta: RequestMeta,
  now: () => Date,
  unitId: string,
  target: { code: string; name: string; deptId: string; note: string },
  content: ItemContent,
): Promise<{ itemId: string; action: InstallAction; version: number }> {
  const [existing] = await tx.select().from(items).where(and(eq(items.unitId, unitId), eq(items.code, target.code)))
  if (existing?.latestVersion && (await sameContent(tx, existing.id, existing.latestVersion, content))) {
    return { itemId: existing.id, action: 'unchanged', version: existing.latestVersion }
  }
  const itemId = existing?.id ?? (await createItem(tx, actor, meta, unitId, { code: target.code, name: target.name, deptId: target.deptId })).item.id
  const { revision } = await loadDraft(tx, itemId)
  const saved = await saveDraft(tx, actor, meta, now(), itemId, { ...content, revision })
  if (!saved.ok) throw new ApiError(409, 'VERSION_CONFLICT', `事项 ${target.code} 的草稿正被他人修改，请稍后重试`)
  const published = await publishItem(tx, actor, meta, now, itemId, { revision: saved.draft.revision, note: target.note })
  if (!published.ok) {
    if ('problems' in published) throw new ContentRejected(target.code, published.problems)
    throw new ApiError(409, 'VERSION_CONFLICT', `事项 ${target.code} 的草稿正被他人修改，请稍后重试`)
  }
  return { itemId, action: existing ? 'new-version' : 'created', version: published.version.version }
}
