import type { MonthEvents } from './events'
import type { RuleCode, RuleSet } from './rules'

/** One traceable line of a score: the rule, the points and the event or entry that caused it. */
export interface ScoreLine {
  rule: RuleCode | 'manual'
  points: number
  reason: string
  at: string
  source: { type: 'task.overdue' | 'case_breach' | 'evaluations' | 'entry'; id: string }
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
type Kind = 'staff' | 'window'

/** Every line the month's events give one subject, by the unit's rules. */
export function linesFor(subject: Subject, events: MonthEvents, rules: RuleSet): ScoreLine[] {
  const lines: ScoreLine[] = []
  const rule = (kind: Kind, name: string) => rules[`${kind}.${name}` as RuleCode]
  const mine = (who: { userId?: string; assignees?: string[]; deptId: string }) =>
    subject.type === 'staff'
      ? who.userId === subject.id || who.assignees?.includes(subject.id) === true
      : who.deptId === subject.id
  const overdue = rule(subject.type, 'overdue_step')
  if (overdue.enabled) {
    for (const event of events.overdue.filter((e) => mine(e))) {
      lines.push({
        rule: `${subject.type}.overdue_step`,
        points: overdue.points,
        reason: '办件环节超时',
        at: event.at.toISOString(),
        source: { type: 'task.overdue', id: String(event.id) },
        caseId: event.caseId,
        caseNo: event.caseNo,
      })
    }
  }
  const notice = rule(subject.type, 'one_time_notice')
  if (notice.enabled) {
    for (const breach of events.breaches.filter((b) => mine(b))) {
      lines.push({
        rule: `${subject.type}.one_time_notice`,
        points: notice.points,
        reason: '违反一次性告知',
        at: breach.at.toISOString(),
        source: { type: 'case_breach', id: breach.id },
        caseId: breach.caseId,
        caseNo: breach.caseNo,
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
