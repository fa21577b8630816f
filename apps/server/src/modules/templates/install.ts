import { join } from 'node:path'
import type { Db } from '../../db/client'
import { inTransaction } from '../../engine/drizzle-store'
import type { Actor, RequestMeta } from '../../http/context'
import { notFound } from '../../http/errors'
import { guideSchema } from '@hall/guide'
import { assertCanDesign } from '../items/access'
import { builtinTemplatesFolder, listBuiltinTemplates, readTemplateFolder } from './builtin'
import type { TemplateManifest } from './manifest'
import { remapPosts } from './post-mapping'
import { publishContent, resolvePostMapping, unitPostCodes } from './publish-content'

/** A built-in template as the designer lists it for a unit: which of its posts the unit already has. */
export interface TemplateListing extends Pick<TemplateManifest, 'id' | 'name' | 'summary' | 'audience' | 'basis'> {
  posts: { code: string; name: string; present: boolean }[]
  dictionaries: string[]
}

export async function listTemplatesFor(db: Db, unitId: string): Promise<TemplateListing[]> {
  const root = builtinTemplatesFolder()
  const unitPosts = await unitPostCodes(db, unitId)
  const listings: TemplateListing[] = []
  for (const id of await listBuiltinTemplates(root)) {
    const { manifest } = await readTemplateFolder(join(root, id))
    listings.push({
      id: manifest.id,
      name: manifest.name,
      summary: manifest.summary,
      audience: manifest.audience,
      basis: manifest.basis,
      posts: manifest.requires.posts.map((post) => ({ ...post, present: unitPosts.has(post.code) })),
      dictionaries: manifest.requires.dictionaries,
    })
  }
  return listings
}

export interface InstallInput {
  deptId: string
  /** Item code in the unit; the template id by default. */
  code?: string
  name?: string
  /** Template post code → the unit's post code, where they differ. */
  posts?: Record<string, string>
}

/**
 * Installs a built-in template as a published item of the unit ("two clicks": pick, confirm):
 * posts mapped, published through the same checks as any item, all in one transaction.
 */
export async function installTemplate(db: Db, actor: Actor, meta: RequestMeta, now: () => Date, unitId: string, templateId: string, input: InstallInput) {
  const root = builtinTemplatesFolder()
  if (!(await listBuiltinTemplates(root)).includes(templateId)) throw notFound('模板', templateId)
  await assertCanDesign(db, actor, unitId, input.deptId)
  const template = await readTemplateFolder(join(root, templateId))
  const mapping = resolvePostMapping(
    template.manifest.requires.posts.map((post) => post.code),
    input.posts ?? {},
    await unitPostCodes(db, unitId),
  )
  const content = { guide: guideSchema.parse(template.guide), form: template.form, bpmn: await remapPosts(template.bpmn, mapping) }
  const target = { code: input.code ?? templateId, name: input.name ?? template.manifest.name, deptId: input.deptId, note: `由内置模板 ${templateId} 安装` }
  return inTransaction(db, (tx) => publishContent(tx, actor, meta, now, unitId, target, content))
}
