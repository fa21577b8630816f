/**
 * Wall-clock time in a time zone, via Intl so that browser and server (which
 * usually runs in UTC) agree on what "today" is.
 */

/** Hall time is China Standard Time unless the unit says otherwise. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai'

/** The calendar parts of an instant in a time zone, via Intl so browser and server agree. */
function parts(instant: Date, timeZone: string): Record<string, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  return Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]))
}

/**
 * The value of a `now:<what>` prefill: `date` → '2026-11-22', `datetime` →
 * '2026-11-22 09:30:00', `time` → '09:30:00', `year` → 2026. Undefined for
 * anything else, which the caller reports as an unknown source.
 */
export function nowValue(
  what: string,
  instant: Date,
  timeZone: string,
): string | number | undefined {
  const p = parts(instant, timeZone)
  const date = `${p['year']}-${p['month']}-${p['day']}`
  const time = `${p['hour']}:${p['minute']}:${p['second']}`
  switch (what) {
    case 'date':
      return date
    case 'datetime':
      return `${date} ${time}`
    case 'time':
      return time
    case 'year':
      return Number(p['year'])
    default:
      return undefined
  }
}

/** Today in the time zone as a sortable number, e.g. 20261122. */
export function todayNumber(instant: Date, timeZone: string): number {
  const p = parts(instant, timeZone)
  return Number(`${p['year']}${p['month']}${p['day']}`)
}
