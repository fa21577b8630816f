import { z } from '@hono/zod-openapi'
import { csvImportRoutes } from '../../../http/csv-import-route'
import { DC_IMPORT_KINDS, importDataCenterCsv } from './service'

/** `/api/datacenter/import/{kind}`: unit admins load the built-in tables from spreadsheets. */
export const dcImportRoutes = csvImportRoutes({
  kinds: DC_IMPORT_KINDS,
  tag: 'datacenter',
  summary: 'Import people, courses, enrolments or code tables of a unit from CSV (all or nothing, per-row report)',
  description:
    'Columns — people: person_no,name,kind[,gender,id_number,phone,email,dept_code,class_code,counsellor_username,username,title,enrol_year]; courses: code,name[,teacher_no,dept_code,credits,room,schedule]; enrolments: course_code,person_no; codes: table_code,code,label[,parent_code,sort]. See docs/datacenter.md.',
  reportName: 'DataCenterImportReport',
  reportCounts: { valid: z.number(), invalid: z.number() },
  run: ({ db, actor, meta, unitId, kind, text, dryRun }) => importDataCenterCsv(db, { actor, meta }, unitId, kind, text, dryRun),
})
