import { createRoute, z } from '@hono/zod-openapi'
import type { Db } from '../db/client'
import { requireActor } from '../modules/auth/session'
import { targetUnit } from '../modules/org/access'
import { ImportRejected } from '../modules/org/csv-import/service'
import { UnitQuery } from '../modules/org/schemas'
import type { Actor, RequestMeta } from './context'
import { commonErrors, jsonResponse } from './openapi-schemas'
import { createRouter } from './router'

const RowError = z.object({ row: z.number(), column: z.string(), message: z.string() })

/** What one CSV import is given once the route has checked who asks and for which unit. */
export interface CsvImportRequest<K extends string> {
  db: Db
  actor: Actor
  meta: RequestMeta
  unitId: string
  kind: K
  text: string
  dryRun: boolean
}

/**
 * `POST /{kind}?unitId&dryRun` with a `text/csv` body: the one shape every spreadsheet import of the
 * hall has (organisation, data center). The file is checked row by row; with errors nothing is
 * imported and `400 IMPORT_INVALID` carries the whole per-row report.
 */
export function csvImportRoutes<K extends string>(spec: {
  kinds: readonly [K, ...K[]]
  tag: string
  summary: string
  description: string
  /** The OpenAPI name of the report and the counters it carries besides rows, created, updated. */
  reportName: string
  reportCounts: Record<string, z.ZodNumber>
  /** Answers the report, or throws `ImportRejected` with it; the report is checked against its schema. */
  run: (request: CsvImportRequest<K>) => Promise<object>
}) {
  const Report = z
    .object({ kind: z.enum(spec.kinds), dryRun: z.boolean(), rows: z.number(), created: z.number(), updated: z.number(), errors: z.array(RowError) })
    .extend(spec.reportCounts)
    .openapi(spec.reportName)
  const route = createRoute({
    method: 'post',
    path: '/{kind}',
    tags: [spec.tag],
    summary: spec.summary,
    description: spec.description,
    request: {
      params: z.object({ kind: z.enum(spec.kinds) }),
      query: UnitQuery.extend({ dryRun: z.enum(['true', 'false']).default('false') }),
      body: { content: { 'text/csv': { schema: z.string() } }, required: true },
    },
    responses: {
      200: jsonResponse(Report, 'Imported (or, with dryRun, checked)'),
      ...commonErrors,
      400: jsonResponse(z.object({ error: z.object({ code: z.string(), message: z.string() }), report: Report }), 'The file has errors; nothing was imported'),
    },
  })
  return createRouter().openapi(route, async (c) => {
    const actor = requireActor(c)
    const { unitId, dryRun } = c.req.valid('query')
    const request = { db: c.get('deps').database.db, actor, meta: c.get('meta'), unitId: targetUnit(actor, unitId), kind: c.req.valid('param').kind as K, text: await c.req.text(), dryRun: dryRun === 'true' }
    try {
      return c.json(Report.parse(await spec.run(request)), 200)
    } catch (error) {
      if (error instanceof ImportRejected) return c.json({ error: { code: error.code, message: error.message }, report: Report.parse(error.report) }, 400)
      throw error
    }
  })
}
