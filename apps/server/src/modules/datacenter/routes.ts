import { parseFormSchema, resolvePrefill } from '@hall/form-schema'
import { createRoute, z } from '@hono/zod-openapi'
import { and, asc, eq } from 'drizzle-orm'
import { dcCodes } from '../../db/schema'
import { ApiError } from '../../http/errors'
import { commonErrors, jsonBody, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { audit } from '../audit/record'
import { requireActor } from '../auth/session'
import { connectorRoutes } from './connectors/routes'
import { connectorSource, EXTERNAL_PREFIX } from './connectors/prefill-source'
import { prefillNotice } from './connectors/prefill-notice'
import { dcImportRoutes } from './csv-import/routes'
import { collectedRoutes } from './collected/routes'
import { CATALOG, personRecordOf } from './person-record'

const catalogRoute = createRoute({
  method: 'get', path: '/catalog', tags: ['datacenter'], summary: 'Every pre-fill path with its type and the caller\'s own value as a sample',
  responses: {
    200: jsonResponse(z.object({ items: z.array(z.object({ path: z.string(), label: z.string(), type: z.string(), dictionary: z.string().optional(), sensitive: z.string().optional(), source: z.string().optional(), error: z.string().optional(), sample: z.unknown() })) }), 'The catalog'),
    ...commonErrors,
  },
})

const prefillRoute = createRoute({
  method: 'post', path: '/prefill', tags: ['datacenter'], summary: 'Pre-fill a form for the signed-in user (their own record only); every gap is reported',
  request: jsonBody(z.strictObject({ schema: z.unknown() })),
  responses: {
    200: jsonResponse(
      z.object({ values: z.record(z.string(), z.unknown()), failures: z.array(z.object({ path: z.string(), field: z.string(), reason: z.string(), message: z.string(), notice: z.string() })) }),
      'Values and the fields that could not be pre-filled, with the reason',
    ),
    ...commonErrors,
  },
})

const codesRoute = createRoute({
  method: 'get', path: '/codes/{table}', tags: ['datacenter'], summary: 'A code table (数据标准) of the caller\'s unit, for select options',
  request: { params: z.object({ table: z.string().min(1).max(64) }) },
  responses: { 200: jsonResponse(z.object({ items: z.array(z.object({ value: z.string(), label: z.string(), parent: z.string().nullable() })) }), 'Options in order'), ...commonErrors },
})

/** Reads a flattened record by `person.x` / `x` paths. */
function lookup(record: Record<string, unknown> | undefined, path: string): unknown {
  return record?.[path]
}

export const datacenterRoutes = createRouter()
  .openapi(catalogRoute, async (c) => {
    const actor = requireActor(c)
    const { db } = c.get('deps').database
    const record = await personRecordOf(db, actor.userId)
    const external = await connectorSource(db, actor, c.get('deps').now()).catalog()
    const builtIn = CATALOG.map((entry) => {
      const [scheme, path = ''] = entry.path.split(':')
      const sample = scheme === 'dc' ? lookup(record.person, path.replace(/^person\./, '')) : lookup(record.user, path)
      // Samples of sensitive values are never shown in the designer.
      return { ...entry, sample: 'sensitive' in entry ? null : (sample ?? null) }
    })
    return c.json({ items: [...builtIn, ...external] }, 200)
  })
  .openapi(prefillRoute, async (c) => {
    const actor = requireActor(c)
    const parsed = parseFormSchema(c.req.valid('json').schema)
    if (!parsed.ok) throw new ApiError(400, 'FORM_INVALID', '表单定义有误', Object.fromEntries(parsed.problems.map((p) => [`schema.${p.path}`, p.message])))
    const { db } = c.get('deps').database
    const record = await personRecordOf(db, actor.userId)
    const connectors = connectorSource(db, actor, c.get('deps').now())
    const result = await resolvePrefill(parsed.schema, {
      resolve: async (source, path) => {
        if (source === 'dc' && path.startsWith(EXTERNAL_PREFIX)) return connectors.resolve(path)
        return source === 'dc' ? lookup(record.person, path.replace(/^person\./, '')) : lookup(record.user, path)
      },
      now: c.get('deps').now,
    })
    const labels = new Map([...CATALOG.map((entry) => [entry.path, entry.label] as const), ...(await connectors.labels())])
    // Reading personal data for a form is logged, like any other use of it (DOMAIN.md §9).
    await audit(db, { actor, meta: c.get('meta') }, {
      action: 'datacenter.prefilled',
      objectType: 'person',
      objectId: actor.userId,
      detail: { fields: Object.keys(result.values), failures: result.failures.length, connectors: await connectors.ran() },
    })
    return c.json({ values: result.values, failures: result.failures.map((f) => ({ ...f, notice: prefillNotice(f, labels) })) }, 200)
  })
  .openapi(codesRoute, async (c) => {
    const actor = requireActor(c)
    const rows = await c
      .get('deps')
      .database.db.select({ value: dcCodes.code, label: dcCodes.label, parent: dcCodes.parentCode })
      .from(dcCodes)
      .where(and(eq(dcCodes.unitId, actor.unitId), eq(dcCodes.tableCode, c.req.valid('param').table)))
      .orderBy(asc(dcCodes.sort))
    return c.json({ items: rows }, 200)
  })
  .route('/connectors', connectorRoutes)
  .route('/import', dcImportRoutes)
  .route('/collected', collectedRoutes)
