/**
 * Deadline specifications: hall units (`5wd`, `3d`, `2h`, `30m`) and ISO 8601 durations (`P3DT4H`).
 * Working days (`wd`) need a calendar; the others are elapsed time.
 */
export type DeadlineSpec = { kind: 'workingDays'; days: number } | { kind: 'elapsed'; ms: number }

const MINUTE = 60_000
const HALL_UNITS = { d: 24 * 60 * MINUTE, h: 60 * MINUTE, m: MINUTE } as const
const ISO = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/

/** Parse a deadline; returns undefined when the text is neither a hall unit nor an ISO duration. */
export function parseDeadline(text: string): DeadlineSpec | undefined {
  const hall = /^(\d+)(wd|d|h|m)$/.exec(text.trim())
  if (hall) {
    const n = Number(hall[1])
    const unit = hall[2] as 'wd' | keyof typeof HALL_UNITS
    return unit === 'wd' ? { kind: 'workingDays', days: n } : { kind: 'elapsed', ms: n * HALL_UNITS[unit] }
  }
  const iso = ISO.exec(text.trim())
  if (!iso || text.trim() === 'P' || text.trim().endsWith('T')) return undefined
  const [, y, mo, w, d, h, mi, s] = iso.map((v) => Number(v ?? 0))
  // Years and months have no fixed length; a hall deadline counts them as 365 and 30 days.
  const days = (y ?? 0) * 365 + (mo ?? 0) * 30 + (w ?? 0) * 7 + (d ?? 0)
  return { kind: 'elapsed', ms: days * HALL_UNITS.d + (h ?? 0) * HALL_UNITS.h + (mi ?? 0) * MINUTE + (s ?? 0) * 1000 }
}

/**
 * A repeating timer: `R3/PT1H`, `R/P1D`, `R5/1wd`, or with its first occurrence
 * `R3/2026-10-01T08:00:00+08:00/P1D`. An empty count (`R/…`) repeats without end: `repeat` is
 * undefined and callers that must bound it (timers inside an instance) choose the cap.
 */
export function parseCycle(text: string): { repeat?: number; start?: string; spec: DeadlineSpec } | undefined {
  const m = /^R(\d*)\/(?:([^/]+)\/)?([^/]+)$/.exec(text.trim())
  if (!m) return undefined
  const spec = parseDeadline(m[3]!)
  if (!spec) return undefined
  const start = m[2] === undefined ? undefined : parseInstant(m[2])
  if (m[2] !== undefined && !start) return undefined
  if (m[1] === '0') return undefined
  return { ...(m[1] ? { repeat: Number(m[1]) } : {}), ...(start ? { start } : {}), spec }
}

/** An ISO date-time with an explicit offset (a bare local time would depend on the server's zone), as UTC ISO. */
export function parseInstant(text: string): string | undefined {
  const value = text.trim()
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:[zZ]|[+-]\d\d:\d\d)$/.test(value) || Number.isNaN(Date.parse(value))) return undefined
  return new Date(value).toISOString()
}
