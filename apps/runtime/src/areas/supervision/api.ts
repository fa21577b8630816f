import type { OkBody, api } from '@hall/web-common'

/** `GET /api/supervision/board` as the server answers it. */
export type Board = OkBody<Awaited<ReturnType<typeof api.supervision.board.$get>>>
export type BoardRow = Board['items'][number]
export type BoardState = BoardRow['state']
/** `GET /api/supervision/extensions`. */
export type ExtensionList = OkBody<Awaited<ReturnType<typeof api.supervision.extensions.$get>>>
export type ExtensionItem = ExtensionList['items'][number]
/** `GET /api/assessment/scores`. */
export type MonthScores = OkBody<Awaited<ReturnType<typeof api.assessment.scores.$get>>>
export type ScoreSummary = MonthScores['staff'][number]
export type ScoreDetail = OkBody<
  Awaited<ReturnType<(typeof api.assessment.scores)[':type'][':id']['$get']>>
>
export type RuleRow = OkBody<Awaited<ReturnType<typeof api.assessment.rules.$get>>>['items'][number]
/** `GET /api/supervision/complaints`. */
export type ComplaintItem = OkBody<
  Awaited<ReturnType<typeof api.supervision.complaints.$get>>
>['items'][number]
