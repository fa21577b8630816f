import { and, eq } from 'drizzle-orm'
import { caseNotices, evaluations, items } from '../../db/schema'
import { inTransaction } from '../../engine/drizzle-store'
import { conflict } from '../../http/errors'
import { audit } from '../audit/record'
import { notify } from '../notifications/notify'
import { letterhead, notice, windowCase, type Notice } from './intake'
import type { Caller } from './service'

/**
 * 邀请评价: once a case is finished, its window asks the applicant to rate the service (the
 * evaluator at the counter, DOMAIN.md §5). The invitation is a notice of the case and a
 * notification to the applicant linking to the rating; a desk case finished without one is the
 * assessment's "no evaluation invited" deduction. Once per case, and not after it was rated.
 */
export async function inviteEvaluation({ deps, actor, meta }: Caller, caseId: string): Promise<Notice> {
  const now = deps.now()
  return inTransaction(deps.database.db, async (tx) => {
    const row = await windowCase(tx, actor, caseId, ['completed', 'rejected'])
    const [invited] = await tx.select({ id: caseNotices.id }).from(caseNotices).where(and(eq(caseNotices.caseId, caseId), eq(caseNotices.kind, 'evaluation')))
    if (invited) throw conflict('ALREADY_INVITED', '已经邀请过申请人评价')
    const [rated] = await tx.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.caseId, caseId))
    if (rated) throw conflict('ALREADY_EVALUATED', '这个办件已经评价过了')
    const { head } = await letterhead(tx, row, actor, now)
    const link = `/cases/${caseId}`
    await audit(tx, { actor, meta }, { action: 'case.evaluation_invited', objectType: 'case', objectId: caseId })
    const [item] = await tx.select({ name: items.name }).from(items).where(eq(items.id, row.itemId))
    await notify(tx, { userIds: [row.applicantId], kind: 'case.evaluation_invited', title: '请为本次服务评价', body: `${item?.name ?? ''}（${row.caseNo ?? ''}）已办结，请对窗口服务作出评价`, link, caseId }, now)
    return notice(tx, row, actor, 'evaluation', { ...head, link }, now)
  })
}
