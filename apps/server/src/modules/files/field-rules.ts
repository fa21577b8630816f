import { uploadRulesOf, type UploadRules } from '@hall/form-schema'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { itemVersions } from '../../db/schema'
import type { Actor } from '../../http/context'
import { badInput } from '../../http/errors'
import { visibleCase } from '../cases/access'

/** Which upload field a request fills: the case it is for and the field's data path in that case's form. */
export interface UploadTarget {
  caseId?: string | undefined
  field?: string | undefined
}

/**
 * The limits (`accept`, `maxSizeMB`, `limit`, `x-material`) of the named upload field, read from
 * the published form of the case's item version — never from the request, which could claim any
 * limits. A case the actor may not see is 404; a field that is no upload there is 400 naming it.
 * No field: only the server-wide limits apply.
 */
export async function fieldRules(db: Db, actor: Actor, target: UploadTarget): Promise<UploadRules> {
  if (!target.field) {
    if (target.caseId) throw badInput({ field: '请指明上传到办件表单的哪一栏' })
    return {}
  }
  if (!target.caseId) throw badInput({ caseId: `上传到 ${target.field} 栏时须指明办件` })
  const row = await visibleCase(db, actor, target.caseId)
  const [version] = await db.select({ form: itemVersions.form }).from(itemVersions).where(eq(itemVersions.id, row.itemVersionId))
  const rules = version && uploadRulesOf(version.form, target.field)
  if (!rules) throw badInput({ field: `办件表单中没有上传栏 ${target.field}` })
  return rules
}
