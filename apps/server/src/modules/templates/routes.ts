import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { ApiError } from '../../http/errors'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { assertDesignerOf } from '../items/access'
import { targetUnit } from '../org/access'
import { Code, Id, UnitQuery } from '../org/schemas'
import { exportBundle } from './bundle/export'
import { BUNDLE_LIMITS } from './bundle/format'
import { importBundle, type ImportReport } from './bundle/import'
import { installTemplate, listTemplatesFor } from './install'
import { ContentRejected } from './publish-content'

const tags = ['templates']
const PostMap = z.record(Code, Code).optional()

const TemplateListing = z.object({
  id: z.string(), name: z.string(), summary: z.string(), audience: z.string(), basis: z.array(z.string()),
  posts: z.array(z.object({ code: z.string(), name: z.string(), present: z.boolean() })), dictionaries: z.array(z.string()),
})
const Installed = z.object({ itemId: z.string(), action: z.enum(['created', 'new-version', 'unchanged']), version: z.number() })
const Problem = z.object({ part: z.string(), severity: z.enum(['error', 'warning']), path: z.string().optional(), elementId: z.string().optional(), message: z.string() })
const Rejected = z.object({ error: z.object({ code: z.string(), message: z.string() }), problems: z.array(Problem) })
const Report = z.object({
  dryRun: z.boolean(), ready: z.boolean(), source: z.object({ unitCode: z.string(), unitName: z.string() }), exportedAt: z.string(),
  posts: z.array(z.object({ code: z.string(), mappedTo: z.string().nullable() })),
  dictionaries: z.array(z.object({ table: z.string(), action: z.enum(['create', 'keep']) })),
  items: z.array(z.object({ code: z.string(), name: z.string(), version: z.number(), deptId: z.string().nullable(), action: z.enum(['created', 'new-version', 'unchanged', 'blocked']), problems: z.array(Problem) })),
})
const ImportOptions = z.strictObject({ posts: PostMap, depts: z.record(Code, Id).optional(), deptId: Id.optional() })

const list = createRoute({
  method: 'get', path: '/', tags, summary: 'Built-in templates, with the posts the unit already has',
  request: { query: UnitQuery },
  responses: { 200: jsonResponse(z.object({ items: z.array(TemplateListing) }), 'Templates'), ...commonErrors },
})
const install = createRoute({
  method: 'post', path: '/{id}/install', tags, summary: 'Install a template as a published item (posts mapped, publish-checked, one transaction)',
  request: { params: z.object({ id: z.string().min(1).max(64) }), query: UnitQuery, ...jsonBody(z.strictObject({ deptId: Id, code: Code.optional(), name: z.string().trim().min(1).max(100).optional(), posts: PostMap })) },
  responses: { 201: jsonResponse(Installed, 'Installed (or unchanged when already installed)'), ...commonErrors, 422: jsonResponse(Rejected, 'Publish checks failed or posts are unmapped; nothing installed') },
})
const exportRoute = createRoute({
  method: 'post', path: '/export', tags, summary: 'Export the latest versions of items as a bundle (zip with a manifest and SHA-256 of every file)',
  request: jsonBody(z.strictObject({ itemIds: z.array(Id).min(1).max(200) })),
  responses: { 200: { description: 'The bundle', content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } } }, ...commonErrors },
})
const importRoute = createRoute({
  method: 'post', path: '/import', tags, summary: 'Import a bundle: dryRun=true previews; otherwise all or nothing',
  request: { query: UnitQuery.extend({ dryRun: z.enum(['true', 'false']).default('true') }) },
  responses: { 200: jsonResponse(Report, 'The import report (a preview when dryRun)'), ...commonErrors, 422: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }), report: Report }), 'Some item failed its publish checks; nothing imported') },
})

async function bundleUpload(form: Record<string, unknown>): Promise<{ zip: Buffer; options: z.infer<typeof ImportOptions> }> {
  const file = form.file
  if (!(file instanceof File)) throw new ApiError(400, 'VALIDATION_FAILED', '请上传导出包', { file: '缺少文件' })
  if (file.size > BUNDLE_LIMITS.maxBundleBytes) throw new ApiError(413, 'PAYLOAD_TOO_LARGE', '导出包过大')
  let raw: unknown
  try {
    raw = typeof form.options === 'string' && form.options ? JSON.parse(form.options) : {}
  } catch {
    throw new ApiError(400, 'VALIDATION_FAILED', '导入选项不是合法的 JSON', { options: '不是合法的 JSON' })
  }
  const options = ImportOptions.safeParse(raw)
  if (!options.success) throw new ApiError(400, 'VALIDATION_FAILED', '导入选项有误', { options: options.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ') })
  return { zip: Buffer.from(await file.arrayBuffer()), options: options.data }
}

/** Built-in templates (install in two clicks) and bundles between units (export, preview, import). */
export const templateRoutes = createRouter()
  .openapi(list, async (c) => {
    const actor = requireActor(c)
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    assertDesignerOf(actor, unitId)
    return c.json({ items: await listTemplatesFor(c.get('deps').database.db, unitId) }, 200)
  })
  .openapi(install, async (c) => {
    const actor = requireActor(c)
    const { database, now } = c.get('deps')
    const unitId = targetUnit(actor, c.req.valid('query').unitId)
    try {
      return c.json(await installTemplate(database.db, actor, c.get('meta'), now, unitId, c.req.valid('param').id, c.req.valid('json')), 201)
    } catch (error) {
      if (error instanceof ContentRejected) return c.json({ error: { code: error.code, message: error.message }, problems: error.problems }, 422)
      throw error
    }
  })
  .openapi(exportRoute, async (c) => {
    const { database, now } = c.get('deps')
    const { zip, fileName } = await exportBundle(database.db, requireActor(c), now(), c.req.valid('json').itemIds)
    return c.body(new Uint8Array(zip), 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${fileName}"` })
  })
  .openapi(importRoute, async (c) => {
    const actor = requireActor(c)
    const { database, now } = c.get('deps')
    const { unitId: requested, dryRun } = c.req.valid('query')
    const { zip, options } = await bundleUpload(await c.req.parseBody())
    try {
      return c.json(await importBundle(database.db, actor, c.get('meta'), now, targetUnit(actor, requested), zip, { ...options, dryRun: dryRun === 'true' }), 200)
    } catch (error) {
      const report = (error as { report?: ImportReport }).report
      if (error instanceof ApiError && report) return c.json({ error: { code: error.code, message: error.message }, report }, 422)
      throw error
    }
  })
