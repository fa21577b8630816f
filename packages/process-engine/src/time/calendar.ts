/**
 * Working-day calendar (DOMAIN.md §4): Chinese statutory holidays and 调休 make-up days
 * from chinese-days, per-unit overrides, per-unit office hours. Time zone is a fixed
 * offset (Asia/Shanghai = UTC+8, no DST), so day arithmetic is plain UTC arithmetic.
 */
import chineseDays from 'chinese-days'
import type { DeadlineSpec } from './duration'

/** Time arithmetic the engine needs; inject your own to change the rules. */
export interface Calendar {
  /** `day` is a local date `YYYY-MM-DD`. */
  isWorkingDay(day: string): boolean
  /** The instant `spec` after `from`. `<n>wd`: end of office hours on the n-th working day after `from`'s day. */
  deadline(from: Date, spec: DeadlineSpec): Date
  /** The instant `spec` before `due` (for warnings). */
  before(due: Date, spec: DeadlineSpec): Date
  /** Office time between two instants, in ms. */
  workingMsBetween(from: Date, to: Date): number
  /** Move forward by `ms` of office time. */
  addWorkingMs(from: Date, ms: number): Date
  /** Format an instant in the calendar's zone, e.g. `2026-09-29T10:00:00+08:00`. */
  format(at: Date): string
}

export interface CalendarOptions {
  /** Per-unit overrides by local date: true = working day, false = day off. */
  overrides?: Record<string, boolean>
  /** Office periods as `HH:MM` pairs; default 08:30–12:00 and 14:30–18:00. */
  officeHours?: { start: string; end: string }[]
  /** Fixed offset from UTC in minutes; default 480 (Asia/Shanghai). */
  utcOffsetMinutes?: number
}

const DAY = 86_400_000
const minutes = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number)
  return ((h ?? 0) * 60 + (m ?? 0)) * 60_000
}

/** Create the default hall calendar. */
export function createCalendar(options: CalendarOptions = {}): Calendar {
  const offset = (options.utcOffsetMinutes ?? 480) * 60_000
  const periods = (options.officeHours ?? [{ start: '08:30', end: '12:00' }, { start: '14:30', end: '18:00' }])
    .map((p) => ({ start: minutes(p.start), end: minutes(p.end) }))
    .sort((a, b) => a.start - b.start)
  const closing = periods.at(-1)?.end ?? DAY
  const memo = new Map<string, boolean>()

  /** Local midnight (as a UTC instant) of the day containing `t`. */
  const dayStart = (t: number) => Math.floor((t + offset) / DAY) * DAY - offset
  const dayKey = (start: number) => new Date(start + offset).toISOString().slice(0, 10)
  const isWorkingDay = (day: string): boolean => {
    const override = options.overrides?.[day]
    if (override !== undefined) return override
    let working = memo.get(day)
    if (working === undefined) {
      working = chineseDays.isWorkday(day)
      memo.set(day, working)
    }
    return working
  }
  const working = (start: number) => isWorkingDay(dayKey(start))
  const stepWorkingDays = (start: number, n: number, direction: 1 | -1) => {
    let day = start
    for (let counted = 0; counted < n; ) {
      day += direction * DAY
      if (working(day)) counted++
    }
    return day
  }

  const workingMsBetween = (from: Date, to: Date): number => {
    let total = 0
    for (let day = dayStart(from.getTime()); day < to.getTime(); day += DAY) {
      if (!working(day)) continue
      for (const p of periods) {
        const a = Math.max(day + p.start, from.getTime())
        const b = Math.min(day + p.end, to.getTime())
        if (b > a) total += b - a
      }
    }
    return total
  }

  const addWorkingMs = (from: Date, ms: number): Date => {
    let left = ms
    for (let day = dayStart(from.getTime()); left > 0; day += DAY) {
      if (!working(day)) continue
      for (const p of periods) {
        const a = Math.max(day + p.start, from.getTime())
        const b = day + p.end
        if (b <= a) continue
        if (b - a >= left) return new Date(a + left)
        left -= b - a
      }
    }
    return from
  }

  return {
    isWorkingDay,
    deadline(from, spec) {
      if (spec.kind === 'elapsed') return new Date(from.getTime() + spec.ms)
      return new Date(stepWorkingDays(dayStart(from.getTime()), spec.days, 1) + closing)
    },
    before(due, spec) {
      if (spec.kind === 'elapsed') return new Date(due.getTime() - spec.ms)
      return new Date(stepWorkingDays(dayStart(due.getTime()), spec.days, -1) + closing)
    },
    workingMsBetween,
    addWorkingMs,
    format(at) {
      const local = new Date(at.getTime() + offset).toISOString().slice(0, 19)
      const sign = offset >= 0 ? '+' : '-'
      const abs = Math.abs(offset / 60_000)
      return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`
    },
  }
}
