/** The intake outcomes a window offers on a submitted case (DOMAIN.md §3), in the order a clerk weighs them. */
export const INTAKE_ACTIONS = ['instant', 'promised', 'supplement', 'tolerate', 'refuse', 'joint', 'escalate', 'agency'] as const
export type IntakeAction = (typeof INTAKE_ACTIONS)[number]

export interface CaseState {
  status: string
  accepted: boolean
}

/**
 * Which outcomes fit the case as it stands: acceptance of any kind once; supplement only while
 * running (a second request is allowed but recorded as a breach by the server); refusal while
 * running or waiting for supplement.
 */
export function availableActions(state: CaseState): IntakeAction[] {
  if (state.status === 'supplement') return ['refuse']
  if (state.status !== 'running') return []
  return state.accepted ? ['refuse'] : [...INTAKE_ACTIONS]
}
