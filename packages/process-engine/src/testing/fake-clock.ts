/** A time-skipping clock for tests and simulation: time moves only when told to. */
import type { Clock } from '../time/clock'

export interface FakeClock extends Clock {
  set(at: Date | string): void
  /** Move forward by milliseconds. */
  advance(ms: number): void
}

export function createFakeClock(start: Date | string = '2026-09-29T10:00:00+08:00'): FakeClock {
  let now = new Date(start).getTime()
  return {
    now: () => new Date(now),
    set(at) {
      const next = new Date(at).getTime()
      if (next < now) throw new Error(`FakeClock cannot go back from ${new Date(now).toISOString()} to ${new Date(next).toISOString()}`)
      now = next
    },
    advance(ms) {
      if (ms < 0) throw new Error('FakeClock cannot go back')
      now += ms
    },
  }
}
