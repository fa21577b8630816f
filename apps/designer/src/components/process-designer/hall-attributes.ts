/**
 * Reading and writing the engine's `hall:` attribute values (engine README "Hall extension")
 * as the small structures the properties panel edits.
 */

export const DEADLINE_UNITS = ['wd', 'd', 'h', 'm'] as const
export type DeadlineUnit = (typeof DEADLINE_UNITS)[number]
export interface Deadline {
  amount: number
  unit: DeadlineUnit
}

/** `3wd` → { amount: 3, unit: 'wd' }; undefined for empty or other forms (ISO durations stay raw). */
export function parseDeadline(text: string | undefined): Deadline | undefined {
  const match = /^(\d+)(wd|d|h|m)$/.exec(text?.trim() ?? '')
  return match ? { amount: Number(match[1]), unit: match[2] as DeadlineUnit } : undefined
}

export function formatDeadline(deadline: Deadline | undefined): string | undefined {
  return deadline && deadline.amount > 0 ? `${deadline.amount}${deadline.unit}` : undefined
}

export const ASSIGNEE_KINDS = ['user', 'role', 'post', 'deptHead', 'initiatorChosen', 'field'] as const
export type AssigneeKind = (typeof ASSIGNEE_KINDS)[number]
/** One candidate of `hall:assignee`; `value` is the id, the level (deptHead) or the field path. */
export interface AssigneeCandidate {
  kind: AssigneeKind
  value: string
}

/**
 * Candidates of a `hall:assignee` value; undefined for a FEEL expression (`=…`), which the
 * panel keeps as written.
 */
export function parseAssignee(text: string | undefined): AssigneeCandidate[] | undefined {
  const source = text?.trim() ?? ''
  if (source.startsWith('=')) return undefined
  const out: AssigneeCandidate[] = []
  for (const part of source.split(',').map((p) => p.trim()).filter(Boolean)) {
    if (part === 'initiatorChosen') out.push({ kind: 'initiatorChosen', value: '' })
    else {
      const at = part.indexOf(':')
      const kind = part.slice(0, at) as AssigneeKind
      if (at < 0 || !ASSIGNEE_KINDS.includes(kind)) return undefined
      out.push({ kind, value: part.slice(at + 1) })
    }
  }
  return out
}

export function formatAssignee(candidates: readonly AssigneeCandidate[]): string | undefined {
  const parts = candidates.filter((c) => c.kind === 'initiatorChosen' || c.value).map((c) => (c.kind === 'initiatorChosen' ? c.kind : `${c.kind}:${c.value}`))
  return parts.length ? parts.join(',') : undefined
}

export const APPROVAL_MODES = ['single', 'all', 'any', 'sequential', 'ratio'] as const
export type ApprovalModeName = (typeof APPROVAL_MODES)[number]
export interface Approval {
  mode: ApprovalModeName
  /** Agree share for `ratio`, 0 < ratio ≤ 1. */
  ratio?: number
}

export function parseApproval(text: string | undefined): Approval {
  const ratio = /^ratio:(\d*\.?\d+)$/.exec(text ?? '')
  if (ratio) return { mode: 'ratio', ratio: Number(ratio[1]) }
  return { mode: (APPROVAL_MODES as readonly string[]).includes(text ?? '') ? (text as ApprovalModeName) : 'single' }
}

/** `single` is the engine's default, so it is not written. */
export function formatApproval(approval: Approval): string | undefined {
  if (approval.mode === 'single') return undefined
  return approval.mode === 'ratio' ? `ratio:${approval.ratio ?? 0.5}` : approval.mode
}

export const TIMEOUT_ACTIONS = ['none', 'remind', 'approve', 'reject', 'escalate'] as const
export type TimeoutActionName = (typeof TIMEOUT_ACTIONS)[number]
export interface TimeoutChoice {
  action: TimeoutActionName
  /** Assignee spec for `escalate`. */
  escalateTo?: string
}

export function parseTimeout(text: string | undefined): TimeoutChoice {
  if (!text) return { action: 'none' }
  if (text.startsWith('escalate:')) return { action: 'escalate', escalateTo: text.slice('escalate:'.length) }
  return { action: (TIMEOUT_ACTIONS as readonly string[]).includes(text) ? (text as TimeoutActionName) : 'none' }
}

export function formatTimeout(choice: TimeoutChoice): string | undefined {
  if (choice.action === 'none') return undefined
  if (choice.action === 'escalate') return choice.escalateTo ? `escalate:${choice.escalateTo}` : undefined
  return choice.action
}
