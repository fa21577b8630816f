import { createRoute, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { AppEnv } from '../../http/context'
import { commonErrors, jsonResponse } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { beijingDate, fileResponse, tableBytes, toWorkbook, type Sheet } from '../../http/table-export'
import { audit } from '../audit/record'
import { requireActor } from '../auth/session'
import { DIMENSIONS, PERIODS, settleRange, statsQuery, type StatsFilters } from './filters'
import { monthlyReport } from './monthly-report'
import { distribution, overview, ranking, SHARES, trend, type RankingMetric } from './queries'
import { statsScope } from './scope'
import { DIMENSION_LABELS, groupLines, metricsSheet } from './tables'

const rate = z.number().nullable().openapi({ description: 'A fraction (0.95 = 95 %); null when nothing was counted' })
const Metrics = z
  .object({
    received: z.number().int(), completed: z.number().int(), inProgress: z.number().int().nullable(), onTimeRate: rate, overdue: z.number().int(),
    averageWd: z.number().nullable(), medianWd: z.number().nullable(), returnedRate: rate, supplementRate: rate, satisfactionRate: rate,
    onlineRate: rate, evaluated: z.number().int(),
    visitsPerCase: z.number().nullable().openapi({ description: 'Trips to the hall per received case: a desk intake is one, a supplement (补正) request one more' }),
    firstAsks: z.number().int().nullable().openapi({ description: '首问登记 registered in the range; null in trend rows and groups' }),
    referralCompletionRate: rate.openapi({ description: 'Completed referrals of the referred first asks; null in trend rows and groups' }),
  })
  .openapi('StatsMetrics')
const Group = Metrics.extend({ key: z.string(), name: z.string() })

const RANKING_METRICS = ['received', 'completed', 'onTimeRate', 'overdue', 'averageWd', 'returnedRate', 'supplementRate', 'satisfactionRate', 'onlineRate', 'visitsPerCase', 'evaluated'] as const satisfies readonly RankingMetric[]

const period = z.enum(PERIODS).default('day')
const rankingFields = { by: z.enum(DIMENSIONS).default('dept'), metric: z.enum(RANKING_METRICS).default('completed'), order: z.enum(['asc', 'desc']).default('desc'), limit: z.coerce.number().int().min(1).max(100).default(10) }
const distributionFields = { share: z.enum(SHARES).default('dept') }

const TrendQuery = statsQuery({ period })
const RankingQuery = statsQuery(rankingFields)
const DistributionQuery = statsQuery(distributionFields)
const ExportQuery = statsQuery({ table: z.enum(['overview', 'trend', 'ranking', 'distribution']), format: z.enum(['csv', 'xlsx']).default('xlsx'), period, ...rankingFields, ...distributionFields })
const ReportQuery = z.object({
  unit: z.string().min(1).optional(),
  dept: z.string().min(1).optional().openapi({ description: 'One window; default every window the reader may see' }),
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM').openapi({ example: '2026-11' }),
})

type Query = ReturnType<typeof statsQuery> | typeof ReportQuery
const get = <P extends string, Q extends Query, S extends z.ZodType>(path: P, summary: string, query: Q, schema: S) =>
  createRoute({ method: 'get', path, tags: ['stats'], summary, request: { query }, responses: { 200: jsonResponse(schema, 'The figures'), ...commonErrors } })
const fileRoute = <P extends string, Q extends Query>(path: P, summary: string, query: Q) =>
  createRoute({
    method: 'get', path, tags: ['stats'], summary, request: { query },
    responses: { 200: { content: { 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The file' }, ...commonErrors },
  })

/** The reader's scope and the settled range of one request. */
async function readerContext(c: Context<AppEnv>, filters: StatsFilters) {
  const actor = requireActor(c)
  const { db } = c.get('deps').database
  const scope = await statsScope(db, actor, filters)
  return { actor, db, scope, range: settleRange(filters, c.get('deps').now()) }
}

export const statsRoutes = createRouter()
  .openapi(get('/overview', 'The range’s figures: received, completed, in progress, on-time rate, overdue, handling days, rates', statsQuery({}), Metrics), async (c) => {
    const { db, scope, range } = await readerContext(c, c.req.valid('query'))
    return c.json(await overview(db, scope, range), 200)
  })
  .openapi(get('/trend', 'The figures per day, week, month, quarter or year', TrendQuery, z.object({ period: z.enum(PERIODS), rows: z.array(Metrics.extend({ bucket: z.string() })) })), async (c) => {
    const query = c.req.valid('query')
    const { db, scope, range } = await readerContext(c, query)
    return c.json({ period: query.period, rows: await trend(db, scope, range, query.period) }, 200)
  })
  .openapi(get('/ranking', 'Windows, items or handlers ranked by one figure', RankingQuery, z.object({ rows: z.array(Group) })), async (c) => {
    const query = c.req.valid('query')
    const { db, scope, range } = await readerContext(c, query)
    return c.json({ rows: await ranking(db, scope, range, query.by, query.metric, query.order, query.limit) }, 200)
  })
  .openapi(get('/distribution', 'How received cases divide by window, item, handler or online/desk', DistributionQuery, z.object({ rows: z.array(z.object({ key: z.string(), name: z.string(), value: z.number().int() })) })), async (c) => {
    const query = c.req.valid('query')
    const { db, scope, range } = await readerContext(c, query)
    return c.json({ rows: await distribution(db, scope, range, query.share) }, 200)
  })
  .openapi(fileRoute('/export', 'Any dashboard table as CSV (UTF-8 with BOM) or XLSX, Chinese headers', ExportQuery), async (c) => {
    const query = c.req.valid('query')
    const { actor, db, scope, range } = await readerContext(c, query)
    const span = `${range.from}至${range.to}`
    let sheet: Sheet
    if (query.table === 'overview') sheet = metricsSheet('总览', '统计区间', [{ label: span, metrics: await overview(db, scope, range) }])
    else if (query.table === 'trend') sheet = metricsSheet('趋势', '统计周期', (await trend(db, scope, range, query.period)).map((row) => ({ label: row.bucket, metrics: row })))
    else if (query.table === 'ranking') sheet = metricsSheet('排名', DIMENSION_LABELS[query.by], groupLines(await ranking(db, scope, range, query.by, query.metric, query.order, query.limit)))
    else {
      const rows = await distribution(db, scope, range, query.share)
      sheet = { name: '分布', header: [DIMENSION_LABELS[query.share], '受理量'], body: rows.map((row) => [row.name, row.value]) }
    }
    // Downloads of figures about named staff are recorded like other bulk reads (DOMAIN.md §9).
    await audit(db, { actor, meta: c.get('meta') }, { action: 'stats.exported', objectType: 'stats', unitId: scope.unitId, detail: { table: query.table, format: query.format, from: range.from, to: range.to, dept: query.dept ?? null } })
    return fileResponse(c, await tableBytes(query.format, sheet), query.format, `统计-${sheet.name}-${span}-${beijingDate(c.get('deps').now())}`)
  })
  .openapi(fileRoute('/monthly-report', '月报表: one month’s figures per window (and by item and handler) as XLSX', ReportQuery), async (c) => {
    const query = c.req.valid('query')
    const { actor, db, scope } = await readerContext(c, query)
    const bytes = await toWorkbook(await monthlyReport(db, scope, query.month))
    await audit(db, { actor, meta: c.get('meta') }, { action: 'stats.monthly_report_downloaded', objectType: 'stats', unitId: scope.unitId, detail: { month: query.month, dept: query.dept ?? null } })
    return fileResponse(c, bytes, 'xlsx', `月报表-${query.month}`)
  })
