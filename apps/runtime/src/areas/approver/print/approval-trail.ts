import type { TimelineEntry } from '../../../components/case/types'

/** Events that are someone's decision on a step: what an approval sheet lists with its opinion. */
const DECISIONS = new Set([
  'task.completed',
  'task.auto-completed',
  'task.returned',
  'task.rejected',
])

/** The approval trail of a case: each decision with step, who, when, opinion and signature, in order. */
export const approvalTrail = (timeline: readonly TimelineEntry[]): TimelineEntry[] =>
  timeline.filter((entry) => DECISIONS.has(entry.type))
