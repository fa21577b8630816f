import { csvImportRoutes } from '../../../http/csv-import-route'
import { IMPORT_KINDS, importCsv } from './service'

/** `/api/org/import/{kind}`: unit admins load departments, users and posts from spreadsheets. */
export const importRoutes = csvImportRoutes({
  kinds: IMPORT_KINDS,
  tag: 'org',
  summary: 'Import departments, users or posts from CSV (all or nothing, per-row error report)',
  description:
    'Columns — departments: code,name[,parent_code,kind,head_username,sort]; users: username,display_name[,dept_codes,email,phone,id_number,roles,password] (lists separated by |, roles as role[@dept_code]); posts: code,name,dept_code[,a_username,b_usernames].',
  reportName: 'ImportReport',
  reportCounts: {},
  run: ({ db, actor, meta, unitId, kind, text, dryRun }) => importCsv(db, actor, meta, unitId, kind, text, dryRun),
})
