import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { assessmentRules } from '../../db/schema'

/** One scoring rule: `points` per occurrence (deductions < 0), an optional cap and threshold. */
export interface Rule {
  points: number
  cap: number | null
  threshold: number | null
  enabled: boolean
}

/**
 * The defaults of DOMAIN.md §5 (Cangnan rules, seed 004). A unit changes any of them in its rule
 * table (`assessment_rules`); a rule it never changed scores with the default below.
 */
export const DEFAULT_RULES = {
  /** 办件超时: each step of theirs that went overdue. */
  'staff.overdue_step': { points: -6, cap: null, threshold: null, enabled: true },
  /** 违反一次性告知: each second notice asking for a checklist material. */
  'staff.one_time_notice': { points: -6, cap: null, threshold: null, enabled: true },
  /** 未邀请评价: each desk case they accepted that finished without an evaluation invitation. */
  'staff.no_evaluation_invite': { points: -5, cap: null, threshold: null, enabled: true },
  /**
   * 投诉属实: each complaint the supervision office upheld against them. Seed 004 prices no such
   * line; -6 is that of its nearest neighbour (态度粗暴、与群众争吵), for the unit to change.
   */
  'staff.complaint_upheld': { points: -6, cap: null, threshold: null, enabled: true },
  /** 满意率 below the threshold over the month's evaluations of cases they handled. */
  'staff.satisfaction': { points: -6, cap: null, threshold: 0.95, enabled: true },
  /** 附加分: bonuses count up to the cap, and not at all below the threshold score. */
  'staff.bonus': { points: 0, cap: 5, threshold: 90, enabled: true },
  'window.overdue_step': { points: -2, cap: null, threshold: null, enabled: true },
  'window.one_time_notice': { points: -3, cap: null, threshold: null, enabled: true },
  'window.no_evaluation_invite': { points: -0.5, cap: null, threshold: null, enabled: true },
  /** Seed 004 again names no figure: -2, as for the window's other rule breaches. */
  'window.complaint_upheld': { points: -2, cap: null, threshold: null, enabled: true },
  'window.satisfaction_low': { points: -1, cap: null, threshold: 0.97, enabled: true },
  'window.satisfaction_very_low': { points: -3, cap: null, threshold: 0.95, enabled: true },
  'window.bonus': { points: 0, cap: 10, threshold: null, enabled: true },
  /** 竞跑之星: a quarterly average at or above the threshold. */
  'quarter.star': { points: 0, cap: null, threshold: 98.5, enabled: true },
} as const satisfies Record<string, Rule>

export type RuleCode = keyof typeof DEFAULT_RULES
export type RuleSet = Record<RuleCode, Rule>
export const RULE_CODES = Object.keys(DEFAULT_RULES) as RuleCode[]

/** The unit's rules: its own rows over the defaults. */
export async function rulesOf(
  db: Db,
  unitId: string,
): Promise<RuleSet & { changed: Set<RuleCode> }> {
  const rows = await db.select().from(assessmentRules).where(eq(assessmentRules.unitId, unitId))
  const rules = { ...DEFAULT_RULES } as RuleSet
  const changed = new Set<RuleCode>()
  for (const row of rows) {
    if (!(row.code in DEFAULT_RULES)) continue
    const code = row.code as RuleCode
    rules[code] = {
      points: row.points,
      cap: row.cap,
      threshold: row.threshold,
      enabled: row.enabled === 1,
    }
    changed.add(code)
  }
  return Object.assign(rules, { changed })
}
