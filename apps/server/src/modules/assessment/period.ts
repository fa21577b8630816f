/** Assessment periods in Beijing time (UTC+8), the zone every demo unit works in. */
const offset = '+08:00'

/** `[start, end)` of a `YYYY-MM` month. */
export function monthRange(month: string): { start: Date; end: Date } {
  const [year, mon] = month.split('-').map(Number) as [number, number]
  const next = mon === 12 ? `${year + 1}-01` : `${year}-${String(mon + 1).padStart(2, '0')}`
  return {
    start: new Date(`${month}-01T00:00:00${offset}`),
    end: new Date(`${next}-01T00:00:00${offset}`),
  }
}

/** The three months of quarter `q` (1–4) of `year`. */
export const quarterMonths = (year: number, q: number) =>
  [1, 2, 3].map((i) => `${year}-${String((q - 1) * 3 + i).padStart(2, '0')}`)

export const MONTH_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/
