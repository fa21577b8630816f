import { createRoute, z } from '@hono/zod-openapi'
import { eq } from 'drizzle-orm'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { files } from '../../db/schema'
import type { AppEnv } from '../../http/context'
import { ApiError, conflict } from '../../http/errors'
import { commonErrors, conflictError, IdParam, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { assertMayAccessFile, FILE_ACTIONS, mayAccessFile } from './access'
import { checkUpload } from './check-upload'
import { resolveTarget } from './field-rules'
import { contentDisposition } from './file-names'
import { deleteFile, saveFiles, storageOf } from './service'

const FileSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    mime: z.string(),
    size: z.number().int(),
    sha256: z.string(),
    field: z.string().nullable(),
    material: z.string().nullable(),
    createdAt: z.string(),
    url: z.string(),
  })
  .openapi('UploadedFile')

const Binary = z.string().openapi({ type: 'string', format: 'binary' })
const UploadForm = z.object({
  files: z.union([z.instanceof(File), z.array(z.instanceof(File))]).optional().openapi({ type: 'array', items: { type: 'string', format: 'binary' } }),
  caseId: z.string().min(1).max(100).optional().openapi({ description: 'The case (a draft, or one at a step) whose form has the field' }),
  field: z.string().min(1).max(200).optional().openapi({ description: "Schema path of the Upload field in the case's published form (`certificate`, `rows.scan`; row indexes are ignored); its limits narrow the server-wide ones" }),
  material: z.string().min(1).max(100).optional().openapi({ description: 'Checklist material; with `caseId` and no `field`, the form field carrying it (a supplement upload)' }),
})

const MB = 1024 * 1024

/** Uploads have their own body limit (the JSON limit in app.ts skips this route): the configured total plus form overhead. */
const uploadLimit: MiddlewareHandler<AppEnv> = (c, next) => {
  const maxMB = c.get('deps').config.HALL_UPLOAD_MAX_MB
  return bodyLimit({
    maxSize: maxMB * MB + 64 * 1024,
    onError: () => {
      throw new ApiError(413, 'FILE_TOO_LARGE', `上传内容超过 ${maxMB} MB 上限，未保存任何文件`)
    },
  })(c, next)
}

const uploadRoute = createRoute({
  method: 'post', path: '/', tags: ['files'], summary: 'Upload one or more files (all are checked by content; all or none are stored)',
  middleware: [uploadLimit] as const,
  request: { body: { content: { 'multipart/form-data': { schema: UploadForm } }, required: true } },
  responses: {
    201: jsonResponse(z.object({ items: z.array(FileSchema) }), 'The stored files'),
    ...commonErrors,
    415: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string(), fields: z.record(z.string(), z.string()).optional() }) }), 'Content is not an allowed type or does not match the name'),
  },
})

const describeRoute = createRoute({
  method: 'get', path: '/{id}', tags: ['files'], summary: 'What was stored for one file',
  request: { params: IdParam },
  responses: { 200: jsonResponse(FileSchema, 'The file'), ...commonErrors },
})

const downloadRoute = createRoute({
  method: 'get', path: '/{id}/content', tags: ['files'], summary: 'Download a file, served as the type its content was checked to be',
  request: { params: IdParam },
  responses: { 200: { content: { 'application/octet-stream': { schema: Binary } }, description: 'The bytes' }, ...commonErrors },
})

const deleteRoute = createRoute({
  method: 'delete', path: '/{id}', tags: ['files'], summary: 'Delete a file that is not attached to a case',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...commonErrors, ...conflictError },
})

type FileRow = typeof files.$inferSelect
const describe = (row: FileRow) => ({
  id: row.id, name: row.name, mime: row.mime, size: row.size, sha256: row.sha256,
  field: row.field, material: row.material, createdAt: row.createdAt.toISOString(), url: `/api/files/${row.id}/content`,
})

async function findFile(c: { get: (key: 'deps') => AppEnv['Variables']['deps'] }, id: string) {
  const [row] = await c.get('deps').database.db.select().from(files).where(eq(files.id, id))
  return row
}

export const filesRoutes = createRouter()
  .openapi(uploadRoute, async (c) => {
    const actor = requireActor(c)
    const form = c.req.valid('form')
    const target = await resolveTarget(c.get('deps').database.db, actor, form)
    const parts = form.files === undefined ? [] : Array.isArray(form.files) ? form.files : [form.files]
    const checked = await checkUpload(parts, target.rules, c.get('deps').config.HALL_UPLOAD_MAX_MB)
    const link = { forCaseId: target.caseId, caseId: target.attach ? target.caseId : null, field: target.field, material: target.material }
    const rows = await saveFiles(c.get('deps'), { actor, meta: c.get('meta') }, checked, link)
    return c.json({ items: rows.map(describe) }, 201)
  })
  .openapi(describeRoute, async (c) => {
    const actor = requireActor(c)
    const row = await findFile(c, c.req.valid('param').id)
    await assertMayAccessFile(c.get('deps').database.db, actor, row, FILE_ACTIONS.read)
    return c.json(describe(row!), 200)
  })
  .openapi(downloadRoute, async (c) => {
    const actor = requireActor(c)
    const deps = c.get('deps')
    const row = await findFile(c, c.req.valid('param').id)
    await assertMayAccessFile(deps.database.db, actor, row, FILE_ACTIONS.read)
    const bytes = await storageOf(deps).get(deps.database.db, row!.id)
    if (!bytes) throw new ApiError(410, 'FILE_GONE', '文件内容已丢失，请重新上传')
    return c.body(bytes.slice().buffer as ArrayBuffer, 200, {
      'content-type': row!.mime.startsWith('text/') ? `${row!.mime}; charset=utf-8` : row!.mime,
      'content-disposition': contentDisposition(row!.name),
      'x-content-type-options': 'nosniff',
      // Even opened directly, a stored file runs no script and loads nothing.
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    })
  })
  .openapi(deleteRoute, async (c) => {
    const actor = requireActor(c)
    const row = await findFile(c, c.req.valid('param').id)
    const { db } = c.get('deps').database
    // Someone who may see the file learns why it stays; anyone else gets the 404.
    await assertMayAccessFile(db, actor, row, FILE_ACTIONS.read)
    if (!(await mayAccessFile(db, actor, row!, FILE_ACTIONS.delete))) throw conflict('FILE_ATTACHED', '文件已作为办件材料提交，不能删除')
    await deleteFile(c.get('deps'), { actor, meta: c.get('meta') }, row!)
    return c.body(null, 204)
  })
