import { createRoute, z } from '@hono/zod-openapi'
import { commonErrors, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { requireActor } from '../../auth/session'
import { targetUnit } from '../../org/access'
import { ImportRejected } from '../../org/csv-import/service'
import { UnitQuery } from '../../org/schemas'
import { DC_IMPORT_KINDS, importDataCenterCsv } from './service'

const Report = z
  .object({
    kind: z.enum(DC_IMPORT_KINDS),
    dryRun: z.boolean(),
    rows: z.number(),
    valid: z.number(),
    invalid: z.number(),
    created: z.number(),
    updated: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
  })
  .openapi('DataCenterImportReport')

const importRoute = createRoute({
  method: 'post',
  path: '/{kind}',
  tags: ['datacenter'],
  summary: 'Import people, courses, enrolments or code tables of a unit from CSV (all or nothing, per-row report)',
  description:
    'Columns — people: person_no,name,kind[,gender,id_number,phone,email,dept_code,class_code,counsellor_username,username,title,enrol_year]; courses: code,name[,teacher_no,dept_code,credits,room,schedule]; enrolments: course_code,person_no; codes: table_code,code,label[,parent_code,sort]. See docs/datacenter.md.',
  request: {
    params: z.object({ kind: z.enum(DC_IMPORT_KINDS) }),
    query: UnitQuery.extend({ dryRun: z.enum(['true', 'false']).default('false') }),
    body: { content: { 'text/csv': { schema: z.string() } }, required: true },
  },
  responses: {
    200: jsonResponse(Report, 'Imported (or, with dryRun, checked)'),
    ...commonErrors,
    400: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }), report: Report }), 'The file has errors; nothing was imported'),
  },
})

/** `/api/datacenter/import/{kind}`: unit admins load the built-in tables from spreadsheets. */
export const dcImportRoutes = createRouter().openapi(importRoute, async (c) => {
  const actor = requireActor(c)
  const { unitId, dryRun } = c.req.valid('query')
  const origin = { actor, meta: c.get('meta') }
  try {
    const report = await importDataCenterCsv(c.get('deps').database.db, origin, targetUnit(actor, unitId), c.req.valid('param').kind, await c.req.text(), dryRun === 'true')
    return c.json(report, 200)
  } catch (error) {
    if (error instanceof ImportRejected) return c.json({ error: { code: error.code, message: error.message }, report: error.report }, 400)
    throw error
  }
})
