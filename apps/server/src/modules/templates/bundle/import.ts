import { parseDefinition } from '@hall/process-engine'
import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dcCodes, departments, items } from '../../../db/schema'
import { inTransaction } from '../../../engine/drizzle-store'
import type { Actor, RequestMeta } from '../../../http/context'
import { ApiError } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertDesignerOf } from '../../items/access'
import { guideSchema } from '@hall/guide'
import type { PublishProblem } from '../../items/publish-problem'
import { postsOf } from '../check'
import { remapPosts } from '../post-mapping'
import { ContentRejected, publishContent, unitPostCodes, type InstallAction, type ItemContent } from '../publish-content'
import type { BundleDictionaryRow } from './export'
import { BundleError, type BundleItem } from './format'
import { readBundle, type ReadBundle } from './read'

export interface ImportOptions {
  /** Preview only: everything is checked (publish checks included) and then rolled back. */
  dryRun: boolean
  /** Bundle post code → this unit's post code, where they differ. */
  posts?: Record<string, string>
  /** Item code → department id in this unit; else the department with the bundle's code, else `deptId`. */
  depts?: Record<string, string>
  deptId?: string
}

export interface ImportReport {
  dryRun: boolean
  /** True when applying would import everything; false lists what to fix below. */
  ready: boolean
  source: ReadBundle['manifest']['source']
  exportedAt: string
  posts: { code: string; mappedTo: string | null }[]
  dictionaries: { table: string; action: 'create' | 'keep' }[]
  items: { code: string; name: string; version: number; deptId: string | null; action: InstallAction | 'blocked'; problems: PublishProblem[] }[]
}

class RolledBack extends Error {
  constructor(readonly report: ImportReport) {
    super('dry run')
  }
}

const text = (bundle: ReadBundle, path: string) => bundle.files.get(path)!.toString('utf8')

function parseJson(bundle: ReadBundle, path: string): unknown {
  try {
    return JSON.parse(text(bundle, path))
  } catch (error) {
    throw new ApiError(400, 'BUNDLE_INVALID', `${path} 不是合法的 JSON：${(error as Error).message}`, { file: path })
  }
}

function contentOf(bundle: ReadBundle, item: BundleItem): ItemContent {
  const guide = guideSchema.safeParse(parseJson(bundle, item.files.guide))
  if (!guide.success) throw new ApiError(400, 'BUNDLE_INVALID', `${item.files.guide} 不是有效的办事指南：${guide.error.issues[0]?.message}`, { file: item.files.guide })
  return { guide: guide.data, form: parseJson(bundle, item.files.form), bpmn: text(bundle, item.files.process) }
}

/**
 * Imports a bundle into the unit: a preview (dry run) says what would be created or become a new
 * version and which posts and departments still need mapping; applying does all of it in one
 * transaction or nothing. Importing the same bundle again changes nothing.
 */
export async function importBundle(db: Db, actor: Actor, meta: RequestMeta, now: () => Date, unitId: string, zip: Buffer, options: ImportOptions): Promise<ImportReport> {
  assertDesignerOf(actor, unitId)
  let bundle: ReadBundle
  try {
    bundle = await readBundle(zip)
  } catch (error) {
    if (error instanceof BundleError) throw new ApiError(400, 'BUNDLE_INVALID', `导入包被拒绝（${error.code}）：${error.message}`, { file: error.message })
    throw error
  }
  const { manifest } = bundle
  const contents = manifest.items.map((item) => ({ item, content: contentOf(bundle, item) }))

  const required = new Set<string>()
  for (const { content } of contents) {
    const parsed = await parseDefinition(content.bpmn)
    if (parsed.ok) postsOf(parsed.definition).forEach((code) => required.add(code))
  }
  const unitPosts = await unitPostCodes(db, unitId)
  const posts = [...required].sort().map((code) => {
    const target = options.posts?.[code] ?? code
    return { code, mappedTo: unitPosts.has(target) ? target : null }
  })
  const unitDepts = await db.select({ id: departments.id, code: departments.code }).from(departments).where(eq(departments.unitId, unitId))
  // An item the unit already has keeps its department; a new one takes the chosen or same-coded one.
  const existing = await db.select({ code: items.code, deptId: items.deptId }).from(items).where(eq(items.unitId, unitId))
  const deptOf = (item: BundleItem) =>
    options.depts?.[item.code] ?? existing.find((row) => row.code === item.code)?.deptId ?? unitDepts.find((dept) => dept.code === item.deptCode)?.id ?? (unitDepts.some((dept) => dept.id === options.deptId) ? options.deptId! : null)
  const dictionaries = await Promise.all(
    manifest.dictionaries.map(async ({ table }) => {
      const [row] = await db.select({ code: dcCodes.code }).from(dcCodes).where(and(eq(dcCodes.unitId, unitId), eq(dcCodes.tableCode, table))).limit(1)
      return { table, action: row ? ('keep' as const) : ('create' as const) }
    }),
  )
  const report: ImportReport = {
    dryRun: options.dryRun,
    ready: false,
    source: manifest.source,
    exportedAt: manifest.exportedAt,
    posts,
    dictionaries,
    items: contents.map(({ item }) => ({ code: item.code, name: item.name, version: item.version, deptId: deptOf(item), action: 'blocked', problems: [] })),
  }

  const unmapped = posts.filter((post) => !post.mappedTo)
  const homeless = report.items.filter((item) => !item.deptId)
  if (unmapped.length || homeless.length) {
    if (options.dryRun) return report
    const fields = Object.fromEntries([
      ...unmapped.map((post) => [`posts.${post.code}`, `请为岗位 ${post.code} 选择本单位的岗位`]),
      ...homeless.map((item) => [`depts.${item.code}`, `请为事项 ${item.code} 选择受理部门`]),
    ])
    throw new ApiError(422, 'MAPPING_REQUIRED', '有岗位或受理部门尚未对应到本单位', fields)
  }

  const mapping = Object.fromEntries(posts.map((post) => [post.code, post.mappedTo!]))
  try {
    return await inTransaction(db, async (tx) => {
      for (const [index, { table }] of manifest.dictionaries.entries()) {
        if (dictionaries[index]!.action !== 'create') continue
        const rows = parseJson(bundle, manifest.dictionaries[index]!.file) as BundleDictionaryRow[]
        if (rows.length) await tx.insert(dcCodes).values(rows.map((row) => ({ unitId, tableCode: table, code: String(row.code), label: String(row.label), parentCode: row.parentCode ?? null, sort: Number(row.sort) || 0 })))
      }
      for (const [index, { item, content }] of contents.entries()) {
        const entry = report.items[index]!
        const mapped = { ...content, bpmn: await remapPosts(content.bpmn, mapping) }
        try {
          const done = await publishContent(tx, actor, meta, now, unitId, { code: item.code, name: item.name, deptId: entry.deptId!, note: `导入自 ${manifest.source.unitName} 第 ${item.version} 版` }, mapped)
          entry.action = done.action
        } catch (error) {
          if (!(error instanceof ContentRejected)) throw error
          entry.problems = error.problems
        }
      }
      report.ready = report.items.every((entry) => entry.action !== 'blocked')
      if (options.dryRun || !report.ready) throw new RolledBack(report)
      await audit(tx, { actor, meta }, { action: 'bundle.imported', objectType: 'bundle', objectId: manifest.source.unitCode, unitId, detail: { exportedAt: manifest.exportedAt, items: report.items.map(({ code, action }) => ({ code, action })) } })
      return report
    })
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error
    if (!options.dryRun) throw Object.assign(new ApiError(422, 'PUBLISH_INVALID', '导入包中有事项未通过发布检查，未导入任何内容'), { report: error.report })
    return error.report
  }
}
