import type { InstanceState, ProcessDefinition } from '@hall/process-engine'
import type { TaskRecord } from './access'

export const ACTIONS = ['claim', 'agree', 'disagree', 'return', 'reject', 'transfer', 'delegate', 'addSigner', 'urge', 'cc'] as const
export type Action = (typeof ACTIONS)[number]

export interface Offer {
  actions: Action[]
  /** Earlier completed steps this task may be returned to (退回), in the order they were done. */
  returnTargets: { step: string; name: string | null }[]
}

/**
 * The actions the engine would accept from `userId` at this task right now, so the task page
 * shows only buttons that work: the holder decides, hands over or asks for more signers; a
 * delegate only answers back; a candidate may claim first; anyone else who sees the case may urge.
 */
export function offeredActions(task: TaskRecord, state: InstanceState, definition: ProcessDefinition, userId: string): Offer {
  const none: Offer = { actions: [], returnTargets: [] }
  if (task.status !== 'open' && task.status !== 'waiting') return none
  const holder = task.assignee === userId || (task.assignee === null && task.candidates.includes(userId))
  if (!holder) return { ...none, actions: ['urge'] }
  if (task.status === 'waiting') return none
  const claim: Action[] = task.assignee === null ? ['claim'] : []
  // A delegate works for the owner and hands the answer back; the owner keeps every other decision.
  // An added signer only gives an opinion on the task it was added to.
  if (task.owner || task.signerFor) return { actions: [...claim, 'agree', 'disagree'], returnTargets: [] }
  const seen = new Set<string>()
  const returnTargets = state.completions
    .filter((c) => c.element !== task.element && definition.elements[c.element]?.kind === 'userTask' && !seen.has(c.element) && seen.add(c.element))
    .map((c) => ({ step: c.element, name: definition.elements[c.element]?.name ?? null }))
  const token = state.tokens.find((t) => t.id === task.tokenId)
  const signable = Boolean(token?.round) && !task.signerFor && !token?.round?.held[task.id]
  return {
    actions: [...claim, 'agree', 'disagree', ...(returnTargets.length ? (['return'] as const) : []), 'reject', 'transfer', 'delegate', ...(signable ? (['addSigner'] as const) : []), 'cc'],
    returnTargets,
  }
}
