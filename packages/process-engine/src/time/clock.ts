/** Source of "now". The engine never reads the system clock itself. */
export interface Clock {
  now(): Date
}

/** The real clock, for production wiring. */
export const systemClock: Clock = { now: () => new Date() }
