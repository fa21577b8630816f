import type { BoardState, ScoreSummary } from './api'

/** Element Plus tag types for the board's marks: red overdue, yellow warned, green on time (DOMAIN.md §4). */
export const STATE_TAG: Record<BoardState, 'danger' | 'warning' | 'success'> = {
  overdue: 'danger',
  warned: 'warning',
  on_time: 'success',
}

/** One working day of office time on the default calendar (08:30–12:00, 14:30–18:00). */
const WORKING_DAY_MS = 7 * 3600_000

/** Office time as whole working days and hours (rounded down to the half hour), e.g. `{ days: 1, hours: 2.5 }`. */
export function workingTime(ms: number): { days: number; hours: number } {
  const days = Math.floor(ms / WORKING_DAY_MS)
  const hours = Math.floor((ms - days * WORKING_DAY_MS) / 1_800_000) / 2
  return { days, hours }
}

export const TIER_TAG: Record<ScoreSummary['tier'], 'success' | 'info' | 'danger'> = {
  top: 'success',
  middle: 'info',
  bottom: 'danger',
}

/** The month before `now` in Beijing time as `YYYY-MM`: assessment is of a month that has ended. */
export function lastMonth(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000)
  const year = beijing.getUTCFullYear()
  const month = beijing.getUTCMonth() // 0-based: this is already the previous month's number
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`
}
