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

/** A material of the case's checklist as `GET /cases/{id}/checklist` lists it. */
export interface ChecklistMaterial {
  id: string
  name: string
  main: boolean
  mayBeMissing: boolean
}

/** The notice kinds that mean the window has accepted the case (supplement and refusal do not). */
const ACCEPTING_NOTICES: readonly string[] = ['acceptance', 'tolerate_missing', 'joint', 'escalated', 'agency']

/** Whether one of the case's notices is an acceptance. */
export const acceptedBy = (notices: readonly { kind: string }[]): boolean => notices.some((notice) => ACCEPTING_NOTICES.includes(notice.kind))

/**
 * The outcome to start from: with every material received, a promised acceptance; with some
 * missing, tolerance when the guide lets each of them be missing, else the one-time supplement
 * notice; always one the case offers.
 */
export function suggestedAction(actions: readonly IntakeAction[], missing: readonly string[], materials: readonly ChecklistMaterial[]): IntakeAction {
  const tolerable = new Set(materials.filter((material) => material.mayBeMissing).map((material) => material.id))
  const wanted: IntakeAction = missing.length === 0 ? 'promised' : missing.every((id) => tolerable.has(id)) ? 'tolerate' : 'supplement'
  return actions.includes(wanted) ? wanted : (actions[0] ?? 'promised')
}
