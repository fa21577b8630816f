/** Yellow and red marks of electronic supervision (DOMAIN.md §4), from the step's own times. */
export interface DeadlineFlags {
  warn: boolean
  overdue: boolean
}

/** Overdue once `due` has passed; warned from `warnAt` until then. Either time may be missing. */
export function deadlineFlags(now: Date, due: Date | null, warnAt: Date | null): DeadlineFlags {
  const overdue = due !== null && due.getTime() <= now.getTime()
  return { overdue, warn: !overdue && warnAt !== null && warnAt.getTime() <= now.getTime() }
}

/** ISO text or null, for answers. */
export const isoOrNull = (date: Date | null | undefined) => (date ? date.toISOString() : null)
