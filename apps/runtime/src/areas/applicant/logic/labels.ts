import type { TimeLimit } from '@hall/guide'

type T = (key: string, named?: Record<string, unknown>) => string

/** "2 个工作日": a guide's time limit in the reader's language. */
export const formatLimit = (t: T, limit: TimeLimit) =>
  t(`applicant.limitUnits.${limit.unit}`, { n: limit.value })
