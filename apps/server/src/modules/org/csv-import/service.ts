import type { Db } from '../../../db/client'
import type { Actor, RequestMeta } from '../../../http/context'
import { ApiError } from '../../../http/errors'
import { audit } from '../../audit/record'
import { assertCanManage } from '../access'
import { mayGrant } from '../roles/service'
import { planDepartments } from './departments'
import { planPosts } from './posts'
import { planUsers } from './users'
import type { RowError } from './parse'

export const IMPORT_KINDS = ['departments', 'users', 'posts'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export interface ImportReport {
  kind: ImportKind
  dryRun: boolean
  rows: number
  created: number
  updated: number
  errors: RowError[]
}

/** An import with errors answers 400 with the whole report; nothing is written. Any importer's report fits. */
export class ImportRejected<R extends { errors: RowError[] } = ImportReport> extends ApiError {
  constructor(readonly report: R) {
    const first = report.errors[0]!
    super(400, 'IMPORT_INVALID', `文件有 ${report.errors.length} 处错误（第 ${first.row} 行 ${first.column}：${first.message}），未导入任何数据`)
  }
}

/**
 * Imports a CSV file of departments, users or posts all-or-nothing: every row is checked first and
 * any error rejects the whole file with a per-row report; otherwise one transaction writes it all.
 */
export async function importCsv(db: Db, actor: Actor, meta: RequestMeta, unitId: string, kind: ImportKind, text: string, dryRun: boolean): Promise<ImportReport> {
  await assertCanManage(db, actor, unitId)
  const plan =
    kind === 'departments'
      ? await planDepartments(db, unitId, text)
      : kind === 'posts'
        ? await planPosts(db, unitId, text)
        : await planUsers(db, unitId, text, (role, deptId) => mayGrant(db, actor, unitId, { role, deptId, canDelegate: false }))
  const report: ImportReport = { kind, dryRun, rows: plan.rows, created: plan.created, updated: plan.updated, errors: plan.errors.sort((a, b) => a.row - b.row) }
  if (plan.errors.length) throw new ImportRejected(report)
  if (dryRun) return report
  await db.transaction(async (tx) => {
    await plan.apply(tx)
    await audit(tx, { actor, meta }, { action: `org.imported`, objectType: kind, unitId, detail: { rows: report.rows, created: report.created, updated: report.updated } })
  })
  return report
}
