/** One written notice as the server stored it (`GET /api/cases/:id/notices`). */
export interface CaseNotice {
  id: string
  kind: string
  data: Record<string, unknown>
  createdAt: string
}

/** A labelled line of a notice; `date: true` asks the page to format an ISO value as a date. */
export interface NoticeLine {
  labelKey: string
  value: string
  date?: boolean
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value))
const names = (value: unknown) => (Array.isArray(value) ? value.map((entry) => text((entry as { name?: unknown }).name ?? entry)).filter(Boolean) : [])

/**
 * What each kind of notice says beyond its letterhead, in the order an official notice reads:
 * the facts the applicant must act on (missing materials, dates, reasons) and nothing empty.
 */
export function noticeLines(notice: CaseNotice): NoticeLine[] {
  const data = notice.data
  const lines: NoticeLine[] = []
  const add = (labelKey: string, value: unknown, date = false) => {
    const shown = Array.isArray(value) ? value.join('；') : text(value)
    if (shown) lines.push(date ? { labelKey, value: shown, date } : { labelKey, value: shown })
  }
  switch (notice.kind) {
    case 'acceptance': {
      const limit = data.promisedLimit as { value?: number; unit?: string } | null | undefined
      add('window.notice.field.kind', data.kind === 'instant' ? '即办件' : '承诺件')
      if (limit?.value !== undefined) add('window.notice.field.promisedLimit', `${limit.value} ${limit.unit === 'wd' ? '个工作日' : limit.unit === 'h' ? '小时' : '日'}`)
      add('window.notice.field.due', data.due, true)
      break
    }
    case 'supplement':
      add('window.notice.field.materials', [...names(data.materials), ...names(data.others)])
      add('window.notice.field.note', data.note)
      break
    case 'tolerate_missing':
      add('window.notice.field.tolerated', names(data.materials))
      add('window.notice.field.promiseDate', data.promiseDate)
      break
    case 'refusal':
      add('window.notice.field.reasons', data.reasons)
      add('window.notice.field.legalBasis', data.legalBasis)
      add('window.notice.field.remedy', data.remedy)
      add('window.notice.field.reviewRights', data.reviewRights)
      break
    case 'joint':
      add('window.notice.field.leadDept', data.leadDept)
      add('window.notice.field.coDepts', names(data.coDepts))
      add('window.notice.field.due', data.due, true)
      break
    case 'escalated':
      add('window.notice.field.upperAuthority', data.upperAuthority)
      add('window.notice.field.reason', data.reason)
      break
    case 'agency':
      add('window.notice.field.agentName', data.agentName)
      add('window.notice.field.deliveryDue', data.deliveryDue, true)
      break
  }
  return lines
}
