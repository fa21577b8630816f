import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { newId } from '../../db/ids'
import { assessmentEntries, assessmentRules, departments, roleGrants, users } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput, forbidden } from '../../http/errors'
import { audit } from '../audit/record'
import type { Caller } from '../cases/service'
import { holdsRole } from '../org/access'
import { inSupervisionOffice, type OversightScope } from '../supervision/access'
import { monthEvents } from './events'
import { monthRange, quarterMonths } from './period'
import { rulesOf, type Rule, type RuleCode } from './rules'
import { linesFor, rank, scoreOf, type Subject } from './score'

/** Who is assessed: the unit's windows, and everyone holding window staff on one of them. */
async function subjectsOf(db: Db, unitId: string) {
  const windows = await db
    .select({ id: departments.id, name: departments.name })
    .from(departments)
    .where(and(eq(departments.unitId, unitId), eq(departments.kind, 'window')))
    .orderBy(asc(departments.sort), asc(departments.code))
  const staffRows = windows.length
    ? await db
        .selectDistinct({ id: users.id, name: users.displayName, windowId: roleGrants.deptId })
        .from(roleGrants)
        .innerJoin(users, eq(users.id, roleGrants.userId))
        .where(
          and(
            eq(roleGrants.unitId, unitId),
            eq(roleGrants.role, 'window_staff'),
            isNotNull(roleGrants.deptId),
            inArray(
              roleGrants.deptId,
              windows.map((w) => w.id),
            ),
            eq(users.status, 'active'),
          ),
        )
    : []
  return {
    windows: windows.map((w): Subject => ({
      type: 'window',
      id: w.id,
      name: w.name,
      windowId: w.id,
    })),
    staff: staffRows.map((s): Subject => ({
      type: 'staff',
      id: s.id,
      name: s.name,
      windowId: s.windowId!,
    })),
  }
}

/**
 * The month's scores of every staff member and window of the unit, ranked with 70/20/10 tiers,
 * each with the lines that make it up. A window's base is its staff's average score.
 */
export async function monthScores(db: Db, unitId: string, month: string) {
  const rules = await rulesOf(db, unitId)
  const events = await monthEvents(db, unitId, month, monthRange(month))
  const subjects = await subjectsOf(db, unitId)
  const staff = rank(
    subjects.staff.map((s) => {
      const lines = linesFor(s, events, rules)
      return { ...s, lines, ...scoreOf(lines, 100, rules['staff.bonus']) }
    }),
  )
  const windows = rank(
    subjects.windows.map((w) => {
      const own = staff.filter((s) => s.windowId === w.id)
      const base = own.length ? own.reduce((sum, s) => sum + s.score, 0) / own.length : 100
      const lines = linesFor(w, events, rules)
      return {
        ...w,
        base: Math.round(base * 100) / 100,
        lines,
        ...scoreOf(lines, base, rules['window.bonus']),
      }
    }),
  )
  const negative = new Set(
    events.entries.filter((e) => e.negative === 1).map((e) => `${e.subjectType}:${e.subjectId}`),
  )
  return { month, staff, windows, negative }
}

/**
 * Quarterly awards: 竞跑之星 candidates are staff whose three-month average reaches the star
 * threshold, 领跑窗口 candidates the best-averaging windows; anyone on the negative list (an entry
 * marked 一票否决 in the quarter) is left out and listed with the reason.
 */
export async function quarterCandidates(db: Db, unitId: string, year: number, quarter: number) {
  const rules = await rulesOf(db, unitId)
  const months = await Promise.all(
    quarterMonths(year, quarter).map((m) => monthScores(db, unitId, m)),
  )
  const negative = new Set(months.flatMap((m) => [...m.negative]))
  const average = (type: 'staff' | 'window') => {
    const all = months.flatMap((m) => (type === 'staff' ? m.staff : m.windows))
    const ids = [...new Set(all.map((s) => s.id))]
    return ids
      .map((id) => {
        const own = all.filter((s) => s.id === id)
        return {
          id,
          name: own[0]!.name,
          windowId: own[0]!.windowId,
          average: Math.round((own.reduce((sum, s) => sum + s.score, 0) / own.length) * 100) / 100,
          negative: negative.has(`${type}:${id}`),
        }
      })
      .sort((a, b) => b.average - a.average)
  }
  const staff = average('staff')
  const windows = average('window')
  const star = rules['quarter.star'].threshold ?? 98.5
  return {
    year,
    quarter,
    starThreshold: star,
    stars: staff.filter((s) => !s.negative && s.average >= star),
    leadingWindows: windows
      .filter((w) => !w.negative)
      .slice(0, Math.max(3, Math.min(8, Math.ceil(windows.length / 3)))),
    negativeList: [...staff, ...windows].filter((s) => s.negative),
  }
}

/** Readers see the whole unit (office, admins) or, as a window head, their windows and their staff. */
export function visibleScores<T extends { windowId: string }>(
  scope: OversightScope,
  scores: T[],
): T[] {
  return scope.windows === 'unit'
    ? scores
    : scores.filter((s) => (scope.windows as Set<string>).has(s.windowId))
}

/** 手工加减分 by the supervision office: one line with its reason, audited. */
export async function addEntry(
  { deps, actor, meta }: Caller,
  input: {
    month: string
    subjectType: 'staff' | 'window'
    subjectId: string
    points: number
    reason: string
    negative: boolean
  },
) {
  const { db } = deps.database
  return db.transaction(async (tx) => {
    if (!(await inSupervisionOffice(tx, actor))) throw forbidden('手工加减分由监察室录入')
    const subjects = await subjectsOf(tx, actor.unitId)
    const known = (input.subjectType === 'staff' ? subjects.staff : subjects.windows).some(
      (s) => s.id === input.subjectId,
    )
    if (!known)
      throw badInput({
        subjectId:
          input.subjectType === 'staff' ? '本单位没有这位窗口工作人员' : '本单位没有这个窗口',
      })
    const [saved] = await tx
      .insert(assessmentEntries)
      .values({
        id: newId(),
        unitId: actor.unitId,
        ...input,
        negative: input.negative ? 1 : 0,
        createdBy: actor.userId,
        createdAt: deps.now(),
      })
      .returning()
    await audit(
      tx,
      { actor, meta },
      {
        action: 'assessment.entry_added',
        objectType: 'assessment_entry',
        objectId: saved!.id,
        detail: { ...input },
      },
    )
    return saved!
  })
}

/** The supervision office and the unit's admins edit the rule table. */
export async function assertRuleEditor(db: Db, actor: Actor): Promise<void> {
  if (
    !(await inSupervisionOffice(db, actor)) &&
    !(await holdsRole(db, actor, ['unit_admin'], actor.unitId))
  )
    throw forbidden('考评规则由监察室或单位管理员维护')
}

/** Changes one rule of the actor's unit (points, cap, threshold, on/off), audited with the old value. */
export async function updateRule({ deps, actor, meta }: Caller, code: RuleCode, rule: Rule) {
  const { db } = deps.database
  return db.transaction(async (tx) => {
    await assertRuleEditor(tx, actor)
    const before = (await rulesOf(tx, actor.unitId))[code]
    const row = {
      points: rule.points,
      cap: rule.cap,
      threshold: rule.threshold,
      enabled: rule.enabled ? 1 : 0,
      updatedAt: deps.now(),
      updatedBy: actor.userId,
    }
    await tx
      .insert(assessmentRules)
      .values({ unitId: actor.unitId, code, ...row })
      .onConflictDoUpdate({ target: [assessmentRules.unitId, assessmentRules.code], set: row })
    await audit(
      tx,
      { actor, meta },
      {
        action: 'assessment.rule_changed',
        objectType: 'assessment_rule',
        objectId: code,
        detail: { before, after: rule },
      },
    )
  })
}
