import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { targetUnit } from '../access'
import { UnitQuery } from '../schemas'
import { IMPORT_KINDS, importCsv, ImportRejected } from './service'

const Report = z
  .object({
    kind: z.enum(IMPORT_KINDS),
    dryRun: z.boolean(),
    rows: z.number(),
    created: z.number(),
    updated: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  })
  .openapi('ImportReport')

const importRoute = createRoute({
  method: 'post',
  path: '/{kind}',
  tags: ['org'],
  summary: 'Import departments, users or posts from CSV (all or nothing, per-row error report)',
  description:
    'Columns — departments: code,name[,parent_code,kind,head_username,sort]; users: username,display_name[,dept_codes,email,phone,id_number,roles,password] (lists separated by |, roles as role[@dept_code]); posts: code,name,dept_code[,a_username,b_usernames].',
  request: {
    params: z.object({ kind: z.enum(IMPORT_KINDS) }),
    query: UnitQuery.extend({ dryRun: z.enum(['true', 'false']).default('false') }),
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: {
    200: jsonResponse(Report, 'Imported (or, with dryRun, checked)'),
    ...commonErrors,
    400: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }), report: Report }), 'The file has errors; nothing was imported'),
  },
})

export const importRoutes = createRouter().openapi(importRoute, async (c) => {
  const actor = requireActor(c)
  const { unitId, dryRun } = c.req.valid('query')
  const text = await c.req.text()
  try {
    const report = await importCsv(c.get('deps').database.db, actor, c.get('meta'), targetUnit(actor, unitId), c.req.valid('param').kind, text, dryRun === 'true')
    return c.json(report, 200)
  } catch (error) {
    if (error instanceof ImportRejected) return c.json({ error: { code: error.code, message: error.message }, report: error.report }, 400)
    throw error
  }
})
