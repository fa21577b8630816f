import { PREFILL_REASONS, type PrefillFailure } from '@hall/form-schema'

const REASON_TEXT: Record<string, string> = {
  [PREFILL_REASONS.NOT_FOUND]: '没有找到数据',
  [PREFILL_REASONS.UNKNOWN_SOURCE]: '不支持的数据来源',
  [PREFILL_REASONS.UNSUPPORTED]: '明细表中的字段不能预填',
}

/**
 * The applicant-facing state of a field left empty, e.g. `无法预填「宿舍」：学工系统：超时（超过 3000
 * 毫秒没有回应）`: the form shows it beside the field instead of a silent blank.
 */
export function prefillNotice(failure: PrefillFailure, labels: ReadonlyMap<string, string>): string {
  const label = labels.get(failure.path) ?? failure.field
  const reason =
    failure.reason === PREFILL_REASONS.SOURCE_ERROR
      ? failure.message
      : failure.reason === PREFILL_REASONS.EXPRESSION_ERROR
        ? `表达式有误：${failure.message}`
        : (REASON_TEXT[failure.reason] ?? failure.message)
  return `无法预填「${label}」：${reason}`
}
