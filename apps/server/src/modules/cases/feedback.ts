import { eq } from 'drizzle-orm'
import { newId } from '../../db/ids'
import { complaints, evaluations, type RATINGS } from '../../db/schema'
import { conflict } from '../../http/errors'
import { audit } from '../audit/record'
import { ownCase } from './access'
import type { Caller } from './service'

/** Cases whose result is decided: the applicant may rate the service now. */
const FINISHED = new Set(['completed', 'rejected'])

export type Rating = (typeof RATINGS)[number]

/** 服务评价: once per case, by its applicant, after the case is finished. */
export async function evaluateCase({ deps, actor, meta }: Caller, caseId: string, input: { rating: Rating; comment?: string | undefined }) {
  const { db } = deps.database
  return db.transaction(async (tx) => {
    const row = await ownCase(tx, actor, caseId)
    if (!FINISHED.has(row.status)) throw conflict('CASE_NOT_FINISHED', '办结后才能评价')
    const [existing] = await tx.select({ id: evaluations.id }).from(evaluations).where(eq(evaluations.caseId, caseId))
    if (existing) throw conflict('ALREADY_EVALUATED', '这个办件已经评价过了')
    const [saved] = await tx
      .insert(evaluations)
      .values({ id: newId(), caseId, unitId: row.unitId, deptId: row.deptId, applicantId: actor.userId, rating: input.rating, comment: input.comment ?? null, createdAt: deps.now() })
      .returning()
    await audit(tx, { actor, meta }, { action: 'case.evaluated', objectType: 'case', objectId: caseId, detail: { rating: input.rating } })
    return saved!
  })
}

/** A complaint about a submitted case; the unit's supervision office takes it from here. */
export async function complainAbout({ deps, actor, meta }: Caller, caseId: string, text: string) {
  const { db } = deps.database
  return db.transaction(async (tx) => {
    const row = await ownCase(tx, actor, caseId)
    if (row.status === 'draft') throw conflict('CASE_NOT_SUBMITTED', '草稿还没有提交，无需投诉')
    const [saved] = await tx.insert(complaints).values({ id: newId(), caseId, unitId: row.unitId, complainantId: actor.userId, text, createdAt: deps.now() }).returning()
    await audit(tx, { actor, meta }, { action: 'case.complained', objectType: 'complaint', objectId: saved!.id, detail: { caseId } })
    return saved!
  })
}
