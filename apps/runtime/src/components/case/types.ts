import type { OkBody, api } from '@hall/web-common'

/** A case as `GET /api/cases/{id}` answers it (form, data, timeline, open steps, notices…). */
export type CaseDetail = OkBody<Awaited<ReturnType<(typeof api.cases)[':id']['$get']>>>

/** One step of a case's progress from engine history: who did what, when, against which due time. */
export type TimelineEntry = CaseDetail['timeline'][number]
