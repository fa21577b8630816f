import { templateOf, uploadFieldOf, uploadRulesOf, type UploadRules } from '@hall/form-schema'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { itemVersions } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput } from '../../http/errors'
import { visibleCase, type CaseRow } from '../cases/access'

/** Which upload field a request fills: the case it is for and the field's path in that case's form. */
export interface UploadTarget {
  caseId?: string | undefined
  field?: string | undefined
  /** A checklist material; with `caseId` and no `field`, the form field carrying it is meant. */
  material?: string | undefined
}

/** What the upload is for once the published form was read. */
export interface ResolvedTarget {
  rules: UploadRules
  /** The case the upload named (kept as `for_case_id`), or null. */
  caseId: string | null
  /** Schema path of the field (`rows.scan` for every row), or null. */
  field: string | null
  material: string | null
  /**
   * Whether the file becomes the case's at once: what an applicant uploads while the case waits
   * for a supplement (补正) arrives at the window now, not with a later submission.
   */
  attach: boolean
}

const supplementBy = (row: CaseRow, actor: Actor) =>
  row.status === 'supplement' && (row.applicantId === actor.userId || row.createdBy === actor.userId)

/**
 * The limits (`accept`, `maxSizeMB`, `limit`, `x-material`) of the named upload field, read from
 * the published form of the case's item version — never from the request, which could claim any
 * limits. A case the actor may not see is 404; a field that is no upload there is 400 naming it.
 * No case: only the server-wide limits apply.
 */
export async function resolveTarget(db: Db, actor: Actor, target: UploadTarget): Promise<ResolvedTarget> {
  if (!target.caseId) {
    if (target.field) throw badInput({ caseId: `上传到 ${target.field} 栏时须指明办件` })
    return { rules: {}, caseId: null, field: null, material: target.material ?? null, attach: false }
  }
  if (!target.field && !target.material) throw badInput({ field: '请指明上传到办件表单的哪一栏' })
  const row = await visibleCase(db, actor, target.caseId)
  const [version] = await db.select({ form: itemVersions.form }).from(itemVersions).where(eq(itemVersions.id, row.itemVersionId))
  const field = target.field ?? (version && target.material ? uploadFieldOf(version.form, target.material) : undefined)
  const attach = supplementBy(row, actor)
  // A material handed in apart from the form (only a supplement notice asks for one) has no field limits.
  if (!field) return { rules: {}, caseId: row.id, field: null, material: target.material ?? null, attach }
  const rules = version && uploadRulesOf(version.form, field)
  if (!rules) throw badInput({ field: `办件表单中没有上传栏 ${field}` })
  return { rules, caseId: row.id, field: templateOf(field), material: rules.material ?? target.material ?? null, attach }
}
