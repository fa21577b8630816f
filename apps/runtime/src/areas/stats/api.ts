import { api, call, type OkBody } from '@hall/web-common'

/** The figures of one range, as `/api/stats/overview` answers them. */
export type StatsMetrics = OkBody<Awaited<ReturnType<typeof api.stats.overview.$get>>>
export type TrendRow = OkBody<Awaited<ReturnType<typeof api.stats.trend.$get>>>['rows'][number]
export type RankingRow = OkBody<Awaited<ReturnType<typeof api.stats.ranking.$get>>>['rows'][number]
export type ShareRow = OkBody<
  Awaited<ReturnType<typeof api.stats.distribution.$get>>
>['rows'][number]
export type Period = 'day' | 'week' | 'month' | 'quarter' | 'year'

/** The dashboard's filters, as the query strings take them. */
export interface StatsQuery {
  from: string
  to: string
  dept?: string | undefined
  item?: string | undefined
}

/** Everything one dashboard shows, fetched together. */
export async function loadDashboard(query: StatsQuery, period: Period) {
  const [overview, trend, windows, handlers, items, intake] = await Promise.all([
    call(api.stats.overview.$get({ query })),
    call(api.stats.trend.$get({ query: { ...query, period } })),
    call(api.stats.ranking.$get({ query: { ...query, by: 'dept', metric: 'onTimeRate' } })),
    call(api.stats.ranking.$get({ query: { ...query, by: 'handler', metric: 'completed' } })),
    call(api.stats.distribution.$get({ query: { ...query, share: 'item' } })),
    call(api.stats.distribution.$get({ query: { ...query, share: 'intake' } })),
  ])
  return {
    overview,
    trend: trend.rows,
    windows: windows.rows,
    handlers: handlers.rows,
    items: items.rows,
    intake: intake.rows,
  }
}

const clean = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => Boolean(e[1])),
  ).toString()

/** A download link of one dashboard table (the browser sends the session cookie itself). */
export const exportUrl = (
  query: StatsQuery,
  table: string,
  format: 'csv' | 'xlsx',
  extra: Record<string, string> = {},
) => `/api/stats/export?${clean({ ...query, table, format, ...extra })}`

/** The 月报表 of a month (`YYYY-MM`), for the window chosen or every window the reader sees. */
export const monthlyReportUrl = (month: string, dept: string | undefined) =>
  `/api/stats/monthly-report?${clean({ month, dept })}`
