import type { MonthEvents } from './events'
import type { RuleCode, RuleSet } from './rules'

/**
 * What a line traces to: an engine history event (`task.overdue`; `process.ended`, the end of a
 * case never offered an evaluation), a one-time-notice breach, an upheld complaint, the month's
 * evaluations (their ids) or a manual entry.
 */
export const SOURCE_TYPES = ['task.overdue', 'case_breach', 'process.ended', 'complaint', 'evaluations', 'entry'] as const

/** One traceable line of a score: the rule, the points and the event or entry that caused it. */
export interface ScoreLine {
  rule: RuleCode | 'manual'
  points: number
  reason: string
  at: string
  source: { type: (typeof SOURCE_TYPES)[number]; id: string }
  caseId: string | null
  caseNo: string | null
}

export interface Subject {
  type: 'staff' | 'window'
  id: string
  name: string
  /** The staff member's window; a window's own id. */
  windowId: string
}

export interface Score extends Subject {
  score: number
  deductions: number
  bonus: number
  lines: ScoreLine[]
  rank: number
  tier: Tier
}

export const TIERS = ['top', 'middle', 'bottom'] as const
export type Tier = (typeof TIERS)[number]

/** 70 / 20 / 10: the first 70 % of the ranking, the next 20 %, the last 10 % (DOMAIN.md §5). */
export function tierOf(rank: number, count: number): Tier {
  const share = rank / count
  return share <= 0.7 ? 'top' : share <= 0.9 ? 'middle' : 'bottom'
}

const round = (n: number) => Math.round(n * 100) / 100
const pct = (n: number) => `${round(n * 100)}%`

/** One system event that costs its person and window points: who and which case it was. */
interface CountedEvent {
  id: string | number
  at: Date
  /** The person it counts against; none: the window alone. */
  userId?: string | null
  /** Everyone who held the step (an overdue step counts against each). */
  assignees?: string[]
  deptId: string
  caseId: string
  caseNo: string | null
}

/** The rules that deduct per event: which events, the source they trace to, the line's reason. */
const PER_EVENT: {
  rule: 'overdue_step' | 'one_time_notice' | 'no_evaluation_invite' | 'complaint_upheld'
  events: (events: MonthEvents) => CountedEvent[]
  source: ScoreLine['source']['type']
  reason: (event: CountedEvent & { note?: string | null }) => string
}[] = [
  { rule: 'overdue_step', events: (e) => e.overdue, source: 'task.overdue', reason: () => '办件环节超时' },
  { rule: 'one_time_notice', events: (e) => e.breaches, source: 'case_breach', reason: () => '违反一次性告知' },
  { rule: 'no_evaluation_invite', events: (e) => e.uninvited, source: 'process.ended', reason: () => '窗口办件办结后未邀请申请人评价' },
  { rule: 'complaint_upheld', events: (e) => e.upheld, source: 'complaint', reason: (e) => (e.note ? `投诉经认定属实：${e.note}` : '投诉经认定属实') },
]

/** Every line the month's events give one subject, by the unit's rules. */
export function linesFor(subject: Subject, events: MonthEvents, rules: RuleSet): ScoreLine[] {
  const lines: ScoreLine[] = []
  const mine = (who: CountedEvent) =>
    subject.type === 'staff'
      ? who.userId === subject.id || who.assignees?.includes(subject.id) === true
      : who.deptId === subject.id
  for (const { rule: name, events: of, source, reason } of PER_EVENT) {
    const code: RuleCode = `${subject.type}.${name}`
    const rule = rules[code]
    if (!rule.enabled) continue
    for (const event of of(events).filter(mine)) {
      lines.push({
        rule: code,
        points: rule.points,
        reason: reason(event),
        at: event.at.toISOString(),
        source: { type: source, id: String(event.id) },
        caseId: event.caseId,
        caseNo: event.caseNo,
      })
    }
  }
  lines.push(...satisfactionLines(subject, events, rules))
  for (const entry of events.entries.filter(
    (e) => e.subjectType === subject.type && e.subjectId === subject.id,
  )) {
    lines.push({
      rule: 'manual',
      points: entry.points,
      reason: entry.reason,
      at: entry.createdAt.toISOString(),
      source: { type: 'entry', id: entry.id },
      caseId: null,
      caseNo: null,
    })
  }
  return lines
}

/** 满意率 = (satisfied + basically satisfied) / all, over the month's evaluations that concern the subject. */
function satisfactionLines(subject: Subject, events: MonthEvents, rules: RuleSet): ScoreLine[] {
  const rated = events.evaluations.filter((e) =>
    subject.type === 'staff' ? e.handlers.includes(subject.id) : e.deptId === subject.id,
  )
  if (!rated.length) return []
  const rate = rated.filter((e) => e.rating !== 'unsatisfied').length / rated.length
  const codes: RuleCode[] =
    subject.type === 'staff'
      ? ['staff.satisfaction']
      : ['window.satisfaction_very_low', 'window.satisfaction_low']
  // A window below both thresholds loses the larger deduction only.
  const hit = codes.find(
    (code) =>
      rules[code].enabled && rules[code].threshold !== null && rate < rules[code].threshold!,
  )
  if (!hit) return []
  const worst = rated.find((e) => e.rating === 'unsatisfied') ?? rated[0]!
  const latest = rated.reduce((a, b) => (a.at > b.at ? a : b))
  return [
    {
      rule: hit,
      points: rules[hit].points,
      reason: `满意率 ${pct(rate)}，低于 ${pct(rules[hit].threshold!)}（${rated.length} 次评价）`,
      at: latest.at.toISOString(),
      source: { type: 'evaluations', id: rated.map((e) => e.id).join(',') },
      caseId: worst.caseId,
      caseNo: null,
    },
  ]
}

/**
 * A subject's score: the base (100 for staff, the window staff's average for a window) plus its
 * deductions (uncapped) plus its bonuses up to the cap — and for staff none at all below the
 * bonus threshold (below 90 no bonus).
 */
export function scoreOf(
  lines: ScoreLine[],
  base: number,
  bonusRule: RuleSet['staff.bonus'],
): { score: number; deductions: number; bonus: number } {
  const deductions = lines.filter((l) => l.points < 0).reduce((sum, l) => sum + l.points, 0)
  const earned = lines.filter((l) => l.points > 0).reduce((sum, l) => sum + l.points, 0)
  const eligible =
    bonusRule.enabled && (bonusRule.threshold === null || base + deductions >= bonusRule.threshold)
  const bonus = eligible ? Math.min(earned, bonusRule.cap ?? earned) : 0
  return {
    score: round(base + deductions + bonus),
    deductions: round(deductions),
    bonus: round(bonus),
  }
}

/** Ranks scores high to low (ties share the better rank) and gives each its tier. */
export function rank<T extends { score: number }>(
  scores: T[],
): (T & { rank: number; tier: Tier })[] {
  const sorted = [...scores].sort((a, b) => b.score - a.score)
  return sorted.map((s) => {
    const position = sorted.findIndex((other) => other.score === s.score) + 1
    return { ...s, rank: position, tier: tierOf(position, sorted.length) }
  })
}
