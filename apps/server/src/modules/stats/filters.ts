import { z } from '@hono/zod-openapi'
import { beijingDay } from './facts'

export const PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const
export type Period = (typeof PERIODS)[number]
export const DIMENSIONS = ['dept', 'item', 'handler'] as const
export type Dimension = (typeof DIMENSIONS)[number]

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), '不是有效日期')
/** Longest range one query covers: ten years keeps a daily trend's buckets in the thousands. */
const MAX_SPAN_DAYS = 3_660

/** Filters every statistics call takes; days are Beijing calendar days, `to` included. Default: this month so far. */
export const StatsFilterFields = z.object({
  unit: z.string().min(1).optional().openapi({ description: 'Platform admins: the unit to count; others count their own' }),
  dept: z.string().min(1).optional().openapi({ description: 'One window (部门/窗口) id' }),
  item: z.string().min(1).optional().openapi({ description: 'One service item (事项) id' }),
  handler: z.string().min(1).optional().openapi({ description: 'One handler (经办人) user id' }),
  from: day.optional().openapi({ example: '2026-11-01' }),
  to: day.optional().openapi({ example: '2026-11-30' }),
})

function checkRange({ from, to }: { from?: string | undefined; to?: string | undefined }, ctx: z.RefinementCtx): void {
  if (!from || !to) return
  if (from > to) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
  else if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > MAX_SPAN_DAYS) ctx.addIssue({ code: 'custom', path: ['from'], message: `时间范围最长 ${MAX_SPAN_DAYS} 天` })
}

/** The filter fields plus a route's own, with the range checked (the check goes last: an extended schema would lose it). */
export function statsQuery<T extends z.ZodRawShape>(extra: T) {
  return StatsFilterFields.extend(extra).superRefine((filters, ctx) => checkRange(filters as unknown as StatsFilters, ctx))
}

export type StatsFilters = z.infer<typeof StatsFilterFields>

/** A query's filters with the range settled. */
export interface Range {
  from: string
  to: string
  item?: string | undefined
  handler?: string | undefined
}

/** The range a request means: what it names, else from the 1st of this month to today. */
export function settleRange(filters: StatsFilters, now: Date): Range {
  const today = beijingDay(now.getTime())
  return { from: filters.from ?? `${today.slice(0, 8)}01`, to: filters.to ?? today, item: filters.item, handler: filters.handler }
}

/** The bucket a day falls in, as the dashboards label it: `2026-11-30`, week of `2026-11-30` (Monday), `2026-11`, `2026-Q4`, `2026`. */
export function bucketOf(period: Period, isoDay: string): string {
  const date = new Date(`${isoDay}T00:00:00Z`)
  switch (period) {
    case 'day':
      return isoDay
    case 'week':
      return new Date(date.getTime() - ((date.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10)
    case 'month':
      return isoDay.slice(0, 7)
    case 'quarter':
      return `${isoDay.slice(0, 4)}-Q${Math.floor(date.getUTCMonth() / 3) + 1}`
    case 'year':
      return isoDay.slice(0, 4)
  }
}

/** Every bucket from `from` to `to` in order, so a trend shows quiet periods as zeros rather than gaps. */
export function bucketsBetween(period: Period, from: string, to: string): string[] {
  const buckets: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    const bucket = bucketOf(period, new Date(t).toISOString().slice(0, 10))
    if (buckets.at(-1) !== bucket) buckets.push(bucket)
  }
  return buckets
}
