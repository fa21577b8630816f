import { createRoute, z } from '@hono/zod-openapi'
import { ApiError } from '../../../http/errors'
import { commonErrors, jsonResponse } from '../../../http/openapi-schemas'
import { createRouter } from '../../../http/router'
import { audit } from '../../audit/record'
import { requireActor } from '../../auth/session'
import { beijingDate, fileResponse, toCsv, toXlsx } from '../../../http/table-export'
import { CollectedFilters, collectedUnit, listCollected } from './query'
import { toTable } from './table'

/** Most rows one export carries; beyond it the filters must be narrowed (a huge export is a leak waiting to happen). */
export const MAX_EXPORT_ROWS = 50_000

const CollectedRecord = z.object({
  id: z.string(), itemKey: z.string(), caseId: z.string(), target: z.string(),
  record: z.record(z.string(), z.unknown()), collectedAt: z.string(),
})

const listRoute = createRoute({
  method: 'get', path: '/', tags: ['datacenter'], summary: 'Records written back to named targets, newest first (unit and hall admins)',
  request: {
    query: CollectedFilters.extend({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: jsonResponse(z.object({ items: z.array(CollectedRecord), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }), 'One page'),
    ...commonErrors,
  },
})

const exportRoute = createRoute({
  method: 'get', path: '/export', tags: ['datacenter'], summary: 'The matching records as CSV (UTF-8 with BOM) or XLSX',
  request: { query: CollectedFilters.extend({ format: z.enum(['csv', 'xlsx']).default('csv') }) },
  responses: {
    200: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The file' },
    ...commonErrors,
  },
})

export const collectedRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    const actor = requireActor(c)
    const { page, pageSize, ...filters } = c.req.valid('query')
    const { db } = c.get('deps').database
    const unitId = await collectedUnit(db, actor, filters.unit)
    const { rows, total } = await listCollected(db, unitId, filters, { offset: (page - 1) * pageSize, limit: pageSize })
    const items = rows.map((row) => ({ ...row, collectedAt: row.collectedAt.toISOString() }))
    return c.json({ items, total, page, pageSize }, 200)
  })
  .openapi(exportRoute, async (c) => {
    const actor = requireActor(c)
    const { format, ...filters } = c.req.valid('query')
    const { db } = c.get('deps').database
    const unitId = await collectedUnit(db, actor, filters.unit)
    const { rows, total } = await listCollected(db, unitId, filters, { offset: 0, limit: MAX_EXPORT_ROWS })
    if (total > MAX_EXPORT_ROWS) throw new ApiError(400, 'EXPORT_TOO_LARGE', `符合条件的记录有 ${total} 条，超过单次导出上限 ${MAX_EXPORT_ROWS} 条，请缩小时间范围或指定目标`)
    const { header, body } = toTable(rows)
    const bytes = format === 'csv' ? toCsv(header, body) : await toXlsx((filters.target ?? '采集数据').slice(0, 31), header, body)
    // Exporting personal data in bulk is logged like any other use of it (DOMAIN.md §9).
    await audit(db, { actor, meta: c.get('meta') }, { action: 'datacenter.collected_exported', objectType: 'dc_collected', unitId, detail: { format, rows: rows.length, ...filters } })
    return fileResponse(c, bytes, format, `采集数据-${filters.target ?? '全部'}-${beijingDate(c.get('deps').now())}`)
  })
