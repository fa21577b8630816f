import type { Db } from '../../../db/client'
import type { Actor, RequestMeta } from '../../../http/context'
import { audit } from '../../audit/record'
import { assertCanManage } from '../../org/access'
import type { RowError } from '../../org/csv-import/parse'
import { ImportRejected } from '../../org/csv-import/service'
import type { ImportPlan } from '../../org/csv-import/types'
import { planCodes } from './codes'
import { planCourses } from './courses'
import { planEnrolments } from './enrolments'
import { planPeople } from './people'

const PLANNERS = { people: planPeople, courses: planCourses, enrolments: planEnrolments, codes: planCodes } as const satisfies Record<string, (db: Db, unitId: string, text: string) => Promise<ImportPlan>>

export const DC_IMPORT_KINDS = ['people', 'courses', 'enrolments', 'codes'] as const
export type DcImportKind = (typeof DC_IMPORT_KINDS)[number]

/** What an import read and would write: rows read, valid and invalid, and every problem by row and column. */
export interface DcImportReport {
  kind: DcImportKind
  dryRun: boolean
  rows: number
  valid: number
  invalid: number
  created: number
  updated: number
  errors: RowError[]
}

/**
 * Imports one data-center table of a unit from CSV, all or nothing: every row is checked first;
 * any problem rejects the whole file (400 with the report), otherwise one transaction writes it
 * all with its audit record. Rows are matched by natural key, so re-importing a file is harmless.
 */
export async function importDataCenterCsv(
  db: Db,
  origin: { actor: Actor; meta: RequestMeta },
  unitId: string,
  kind: DcImportKind,
  text: string,
  dryRun: boolean,
): Promise<DcImportReport> {
  await assertCanManage(db, origin.actor, unitId)
  const plan = await PLANNERS[kind](db, unitId, text)
  const invalid = new Set(plan.errors.filter((e) => e.row > 1).map((e) => e.row)).size
  const errors = plan.errors.sort((a, b) => a.row - b.row)
  const report: DcImportReport = { kind, dryRun, rows: plan.rows, valid: plan.rows - invalid, invalid, created: plan.created, updated: plan.updated, errors }
  // A rejected file writes nothing, and its report says so.
  if (errors.length) throw new ImportRejected({ ...report, created: 0, updated: 0 })
  if (dryRun) return report
  await db.transaction(async (tx) => {
    await plan.apply(tx)
    await audit(tx, origin, { action: 'datacenter.imported', objectType: kind, unitId, detail: { rows: report.rows, created: report.created, updated: report.updated } })
  })
  return report
}
