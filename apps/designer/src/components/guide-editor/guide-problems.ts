import type { Guide, GuideProblem, TimeLimit } from '@hall/server'

/**
 * What the editor can tell while typing, before the server's `guideProblems` runs at publishing:
 * the "八公开" fields left empty and the promise-versus-legal-limit rule ([000]: the promised limit
 * at least a third shorter). Messages match the server's, so the same problem shows once when both
 * report it. The server's verdict remains the one publishing obeys.
 */
const inDays = (limit: TimeLimit) => (limit.unit === 'h' ? limit.value / 8 : limit.value)

export function guideHints(guide: Guide): GuideProblem[] {
  const hints: GuideProblem[] = []
  const error = (field: string, message: string) => hints.push({ field, severity: 'error', message })
  if (guide.legalBasis.every((line) => !line.trim())) error('legalBasis', '请填写设立依据或办理依据')
  if (!guide.conditions.trim()) error('conditions', '请填写受理条件')
  if (!guide.procedure.trim()) error('procedure', '请填写办理流程')
  if (!guide.result?.name.trim()) error('result', '请填写办理结果')
  if (!guide.contact.phone.trim()) error('contact.phone', '请填写咨询电话')
  if (!guide.contact.complaintPhone.trim()) error('contact.complaintPhone', '请填写监督投诉电话')
  if (guide.fees.length > 0 && !guide.feeNote.trim()) error('feeNote', '收费事项须写明收费依据')
  guide.materials.forEach((material, index) => {
    if (!material.name.trim()) error(`materials.${index}.name`, '请填写材料名称')
  })
  if (guide.itemType !== 'instant') {
    if (!guide.promisedLimit) error('promisedLimit', '请填写承诺时限')
    if (!guide.legalLimit) error('legalLimit', '请填写法定时限')
  }
  if (guide.promisedLimit && guide.legalLimit) {
    const promised = inDays(guide.promisedLimit)
    const legal = inDays(guide.legalLimit)
    if (promised > legal) error('promisedLimit', '承诺时限不能长于法定时限')
    else if (promised > (legal * 2) / 3) {
      hints.push({ field: 'promisedLimit', severity: 'warning', message: '承诺时限应比法定时限至少缩短三分之一' })
    }
  }
  return hints
}

/** The server's problems followed by the hints it did not already give. */
export function mergeProblems(fromServer: readonly GuideProblem[], hints: readonly GuideProblem[]): GuideProblem[] {
  const seen = new Set(fromServer.map((p) => `${p.field}\n${p.message}`))
  return [...fromServer, ...hints.filter((p) => !seen.has(`${p.field}\n${p.message}`))]
}

/** Problems of one field (and, with `nested`, of the fields inside it: `materials.2.name`). */
export function problemsOf(problems: readonly GuideProblem[], field: string, nested = false): GuideProblem[] {
  return problems.filter((p) => p.field === field || (nested && p.field.startsWith(`${field}.`)))
}
