import type { Db } from '../../db/client'
import type { Cell, Sheet } from '../../http/table-export'
import type { ScoreLine, Tier } from './score'
import { monthScores } from './service'

const TIER_LABELS: Record<Tier, string> = { top: '一档', middle: '二档', bottom: '三档' }

/** `办件环节超时 -6（20261123-0001）；…`: every deduction of a score, each naming its case. */
const deductionsText = (lines: ScoreLine[]) =>
  lines
    .filter((line) => line.points < 0)
    .map((line) => `${line.reason} ${line.points}${line.caseNo ? `（${line.caseNo}）` : ''}`)
    .join('；')

/**
 * The monthly report's 考评 sheet (DOMAIN.md §5 月报表: "assessment per window"): each window of
 * the reader's scope with its score, rank and tier, followed by its staff with theirs and the
 * deductions behind them. Ranks are the unit's, as on the assessment page. `deptIds` null: every window.
 */
export async function assessmentSheet(db: Db, scope: { unitId: string; deptIds: string[] | null }, month: string): Promise<Sheet> {
  const scores = await monthScores(db, scope.unitId, month)
  const shown = (windowId: string) => scope.deptIds === null || scope.deptIds.includes(windowId)
  const row = (window: string, kind: string, s: (typeof scores.staff)[number] | (typeof scores.windows)[number]): Cell[] => [
    window, kind, s.name, s.score, s.rank, TIER_LABELS[s.tier], s.deductions, s.bonus, deductionsText(s.lines),
  ]
  const body = scores.windows
    .filter((w) => shown(w.id))
    .flatMap((w) => [row(w.name, '窗口', w), ...scores.staff.filter((s) => s.windowId === w.id).map((s) => row(w.name, '工作人员', s))])
  return { name: '考评', header: ['窗口', '考评对象', '名称', '得分', '名次', '档次', '扣分', '加分', '扣分明细'], body }
}
