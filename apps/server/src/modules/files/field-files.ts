import { templateOf, uploadRulesOf, type FormSchema } from '@hall/form-schema'
import { inArray } from 'drizzle-orm'
import type { Db } from '../../db/client'
import { files } from '../../db/schema'
import type { AppDeps } from '../../http/context'
import { sizeLimitMB, tooLargeMessage, typeProblem } from './check-upload'
import { storageOf } from './service'

/** A file id an upload field of a form record names, with the field's concrete path (`rows[2].scan`). */
export interface FileRef {
  field: string
  id: string
}

/** What a form record's files must fit: the case, who may have uploaded them, and its published form. */
export interface FieldFilesCheck {
  caseId: string
  unitId: string
  /** Whose unattached uploads the record may name (the applicant and desk clerk, or a step's handler). */
  uploaders: readonly string[]
  schema: FormSchema
  refs: readonly FileRef[]
}

const MB = 1024 * 1024

type StoredFile = typeof files.$inferSelect

/** Why the file may not be in the field of this case, or undefined; `new` files get their bytes read again. */
async function problemOf(deps: Pick<AppDeps, 'config'>, tx: Db, check: FieldFilesCheck, ref: FileRef, row: StoredFile | undefined): Promise<string | undefined> {
  const attached = row?.caseId === check.caseId
  const mine = row && row.caseId === null && check.uploaders.includes(row.uploadedBy)
  if (!row || row.unitId !== check.unitId || !(attached || mine)) return '附件不存在或不是本人上传的'
  if (row.forCaseId !== null && row.forCaseId !== check.caseId) return `${row.name} 是为另一个办件上传的，请在本栏重新上传`
  if (row.field !== null && row.field !== templateOf(ref.field)) return `${row.name} 是为表单另一栏上传的，请在本栏重新上传`
  const rules = uploadRulesOf(check.schema, ref.field) ?? {}
  const maxSizeMB = sizeLimitMB(rules, deps.config.HALL_UPLOAD_MAX_MB)
  if (row.size > maxSizeMB * MB) return tooLargeMessage(row.name, maxSizeMB)
  // An attached file passed this very check when it was attached; an unattached one may have been
  // uploaded without naming this field (or by a client that lied about it), so its bytes are read again.
  if (attached) return undefined
  const bytes = await storageOf(deps).get(tx, row.id)
  if (!bytes) return `${row.name} 的内容已丢失，请重新上传`
  const problem = typeProblem(row.name, bytes, rules.accept)
  return typeof problem === 'string' ? problem : undefined
}

/**
 * Re-checks every file a form record names against its field, as the upload route did and
 * regardless of what the upload request claimed: the file exists in the unit, is already this
 * case's or an unattached upload of one of `uploaders`, was not uploaded for another case or
 * field, and fits the field's count, size and type (type read from the bytes). Answers the
 * first problem per field path; empty when every file may be attached.
 */
export async function fieldFileProblems(deps: Pick<AppDeps, 'config'>, tx: Db, check: FieldFilesCheck): Promise<Record<string, string>> {
  if (!check.refs.length) return {}
  const rows = await tx.select().from(files).where(inArray(files.id, [...new Set(check.refs.map((ref) => ref.id))]))
  const byId = new Map(rows.map((row) => [row.id, row]))
  const problems: Record<string, string> = {}
  const counts = new Map<string, number>()
  for (const ref of check.refs) counts.set(ref.field, (counts.get(ref.field) ?? 0) + 1)
  for (const [field, count] of counts) {
    const limit = uploadRulesOf(check.schema, field)?.limit
    if (limit !== undefined && count > limit) problems[field] = `本栏最多 ${limit} 个文件，收到 ${count} 个`
  }
  for (const ref of check.refs) {
    if (problems[ref.field]) continue
    const problem = await problemOf(deps, tx, check, ref, byId.get(ref.id))
    if (problem) problems[ref.field] = problem
  }
  return problems
}
