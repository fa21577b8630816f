import type { Calendar } from '@hall/process-engine'

/** A clock suspension (补正, 容缺 waits) of a case: from `clock.suspended` to `clock.resumed`, or still open. */
export interface Suspension {
  from: Date
  to: Date | null
}

/** Pairs an instance's `clock.suspended` / `clock.resumed` history events, oldest first. */
export function suspensionsOf(events: { type: string; at: Date }[]): Suspension[] {
  const found: Suspension[] = []
  for (const event of events) {
    if (event.type === 'clock.suspended') found.push({ from: event.at, to: null })
    else if (event.type === 'clock.resumed' && found.at(-1)?.to === null)
      found.at(-1)!.to = event.at
  }
  return found
}

/**
 * Working time a step has run since `since`, and how much of it the clock stood still: the
 * suspended part is shown and left out of the elapsed time, as the deadlines themselves do.
 */
export function stepTime(calendar: Calendar, since: Date, now: Date, suspensions: Suspension[]) {
  let suspendedMs = 0
  for (const { from, to } of suspensions) {
    const start = from > since ? from : since
    const end = to ?? now
    if (end > start) suspendedMs += calendar.workingMsBetween(start, end)
  }
  return {
    suspendedMs,
    elapsedMs: Math.max(0, calendar.workingMsBetween(since, now) - suspendedMs),
  }
}
