import { and, desc, eq, inArray, isNotNull, ne, type SQL } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { cases, complaints, engineTasks, items, users, type COMPLAINT_DECISIONS, type COMPLAINT_STATUSES } from '../../db/schema'
import { badInput, conflict, forbidden, notFound } from '../../http/errors'
import { inTransaction } from '../../engine/drizzle-store'
import { audit } from '../audit/record'
import type { Caller } from '../cases/service'
import { notify } from '../notifications/notify'
import { inSupervisionOffice, type OversightScope } from './access'

export type ComplaintDecision = (typeof COMPLAINT_DECISIONS)[number]

/** The complaints about cases in the scope, newest first: the office's worklist, a window head's view of theirs. */
export async function listComplaints(db: Db, scope: OversightScope, query: { status?: (typeof COMPLAINT_STATUSES)[number] | undefined; limit: number; offset: number }) {
  const where: (SQL | undefined)[] = [eq(complaints.unitId, scope.unitId), query.status ? eq(complaints.status, query.status) : undefined]
  if (scope.windows !== 'unit') where.push(inArray(cases.deptId, [...scope.windows]))
  const rows = await db
    .select({ complaint: complaints, caseNo: cases.caseNo, deptId: cases.deptId, itemName: items.name })
    .from(complaints)
    .innerJoin(cases, eq(cases.id, complaints.caseId))
    .innerJoin(items, eq(items.id, cases.itemId))
    .where(and(...where))
    .orderBy(desc(complaints.createdAt), desc(complaints.id))
    .limit(query.limit)
    .offset(query.offset)
  return rows.map(({ complaint, caseNo, deptId, itemName }) => ({ ...complaintView(complaint), caseNo, windowId: deptId, itemName }))
}

function complaintView(row: typeof complaints.$inferSelect) {
  return {
    id: row.id, caseId: row.caseId, text: row.text, status: row.status, createdAt: row.createdAt.toISOString(),
    decision: row.decision, responsibleId: row.responsibleId, decisionNote: row.decisionNote, decidedBy: row.decidedBy,
    decidedAt: row.decidedAt ? row.decidedAt.toISOString() : null,
  }
}

/** Everyone who acted on the case for the hall: who registered or accepted it, and who completed a step. */
async function handlersOf(tx: Db, row: typeof cases.$inferSelect): Promise<Set<string>> {
  const steps = row.instanceId
    ? await tx.selectDistinct({ userId: engineTasks.completedBy }).from(engineTasks)
        .where(and(eq(engineTasks.instanceId, row.instanceId), isNotNull(engineTasks.completedBy), ne(engineTasks.completedBy, 'system')))
    : []
  const staff = [row.acceptedBy, row.createdBy === row.applicantId ? null : row.createdBy, ...steps.map((s) => s.userId)]
  return new Set(staff.filter((id): id is string => id !== null))
}

/**
 * 投诉认定: the supervision office finds a complaint upheld (属实) or dismissed, with its reasons,
 * and may hold an upheld one against a staff member who handled the case; the complaint closes,
 * the complainant is told, and an upheld one counts in that month's assessment (rules
 * `staff.complaint_upheld`, `window.complaint_upheld`). Decided once; another unit's is 404.
 */
export async function decideComplaint(
  { deps, actor, meta }: Caller,
  complaintId: string,
  input: { decision: ComplaintDecision; note: string; responsibleId?: string | undefined },
) {
  const now = deps.now()
  return inTransaction(deps.database.db, async (tx) => {
    const [found] = await tx
      .select({ complaint: complaints, row: cases, itemName: items.name })
      .from(complaints)
      .innerJoin(cases, eq(cases.id, complaints.caseId))
      .innerJoin(items, eq(items.id, cases.itemId))
      .where(and(eq(complaints.id, complaintId), eq(complaints.unitId, actor.unitId)))
    if (!found) throw notFound('投诉', complaintId)
    if (!(await inSupervisionOffice(tx, actor))) throw forbidden('投诉由监察室认定')
    if (found.complaint.decision) throw conflict('COMPLAINT_DECIDED', '这件投诉已经认定过了')
    if (input.responsibleId && !(await handlersOf(tx, found.row)).has(input.responsibleId))
      throw badInput({ responsibleId: '这位工作人员没有经手这个办件' })
    const [decided] = await tx
      .update(complaints)
      .set({ status: 'closed', decision: input.decision, decisionNote: input.note, responsibleId: input.responsibleId ?? null, decidedBy: actor.userId, decidedAt: now })
      .where(eq(complaints.id, complaintId))
      .returning()
    await audit(tx, { actor, meta }, { action: 'complaint.decided', objectType: 'complaint', objectId: complaintId, detail: { caseId: found.row.id, ...input } })
    const [complainant] = await tx.select({ id: users.id }).from(users).where(eq(users.id, found.complaint.complainantId))
    await notify(tx, {
      userIds: complainant ? [complainant.id] : [],
      kind: 'complaint.decided',
      title: input.decision === 'upheld' ? '您的投诉经核查属实' : '您的投诉经核查不属实',
      body: `${found.itemName}（${found.row.caseNo ?? ''}）：${input.note}`,
      link: `/cases/${found.row.id}`,
      caseId: found.row.id,
    }, now)
    return complaintView(decided!)
  })
}
