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

/** `R3/PT1H` or `R/P1D` (unbounded cycles are capped to avoid endless jobs). */
export function parseCycle(text: string): { repeat: number; spec: DeadlineSpec } | undefined {
  const m = /^R(\d*)\/(.+)$/.exec(text.trim())
  if (!m) return undefined
  const spec = parseDeadline(m[2]!)
  if (!spec) return undefined
  return { repeat: m[1] ? Number(m[1]) : 1000, spec }
}
