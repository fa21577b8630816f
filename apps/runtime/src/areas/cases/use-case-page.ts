import { computed, ref, shallowRef } from 'vue'
import { ApiError, api, call, type OkBody } from '@hall/web-common'
import type { CaseDetail } from '../../components/case/types'

export type CaseNotice = OkBody<
  Awaited<ReturnType<(typeof api.cases)[':id']['notices']['$get']>>
>['items'][number]
export type CaseDiagramData = OkBody<
  Awaited<ReturnType<(typeof api.cases)[':id']['diagram']['$get']>>
>

/** A supplement notice's list as the applicant works through it. */
export interface SupplementRequest {
  noticeId: string
  materials: { id: string; name: string; copies: number; form: string }[]
  others: string[]
  note: string | null
}

/** Statuses after which the process no longer moves (evaluation and printing belong here). */
const FINISHED = ['completed', 'rejected', 'returned', 'withdrawn', 'terminated']

/**
 * Everything the case page shows of one case, loaded together and reloaded as a whole when the
 * server says it changed: the case, its notices and its diagram. A 404 is "not found" for the
 * page (someone else's case looks the same as none); other failures go to `error`.
 */
export function useCasePage(
  caseId: () => string,
  myUserId: () => string | undefined,
  isWindowStaff: () => boolean = () => false,
) {
  const detail = shallowRef<CaseDetail>()
  const notices = shallowRef<CaseNotice[]>([])
  const diagram = shallowRef<CaseDiagramData>()
  const notFound = ref(false)
  const error = shallowRef<unknown>()
  const loading = ref(false)

  async function reload(): Promise<void> {
    loading.value = true
    try {
      const param = { id: caseId() }
      const [loaded, listed, drawn] = await Promise.all([
        call(api.cases[':id'].$get({ param })),
        call(api.cases[':id'].notices.$get({ param })),
        call(api.cases[':id'].diagram.$get({ param })),
      ])
      detail.value = loaded
      notices.value = listed.items
      diagram.value = drawn
      notFound.value = false
      error.value = undefined
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 404) notFound.value = true
      else error.value = failure
    } finally {
      loading.value = false
    }
  }

  const mine = computed(
    () => detail.value !== undefined && detail.value.applicant.id === myUserId(),
  )
  const finished = computed(
    () => detail.value !== undefined && FINISHED.includes(detail.value.status),
  )
  /** The applicant rates once, when the case has an answer (completed or not approved). */
  const mayEvaluate = computed(
    () =>
      mine.value &&
      !detail.value!.evaluation &&
      ['completed', 'rejected'].includes(detail.value!.status),
  )
  /** The server decides whether a withdrawal is still allowed; the button shows while the case runs. */
  const mayWithdraw = computed(
    () => mine.value && ['running', 'supplement'].includes(detail.value!.status),
  )
  /**
   * 邀请评价: window staff ask the applicant of a finished case to rate the service, once; a desk
   * case finished without it is an assessment deduction. The server checks it is their window's.
   */
  const mayInviteEvaluation = computed(
    () =>
      isWindowStaff() &&
      !mine.value &&
      !detail.value!.evaluation &&
      ['completed', 'rejected'].includes(detail.value!.status) &&
      !notices.value.some((notice) => notice.kind === 'evaluation'),
  )
  const mayComplain = computed(() => mine.value && detail.value!.status !== 'draft')
  const printable = computed(() => detail.value?.status === 'completed')

  /** The newest supplement notice while the case waits for materials: what the applicant must bring. */
  const supplement = computed<SupplementRequest | undefined>(() => {
    if (!mine.value || detail.value!.status !== 'supplement') return undefined
    const notice = [...notices.value].reverse().find((entry) => entry.kind === 'supplement')
    if (!notice) return undefined
    const data = notice.data as {
      materials?: SupplementRequest['materials']
      others?: string[]
      note?: string | null
    }
    return {
      noticeId: notice.id,
      materials: data.materials ?? [],
      others: data.others ?? [],
      note: data.note ?? null,
    }
  })

  return {
    detail,
    notices,
    diagram,
    notFound,
    error,
    loading,
    reload,
    mine,
    finished,
    mayEvaluate,
    mayWithdraw,
    mayComplain,
    mayInviteEvaluation,
    printable,
    supplement,
  }
}
