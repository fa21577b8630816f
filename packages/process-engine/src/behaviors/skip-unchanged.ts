/**
 * `hall:skipIfUnchanged` (DOMAIN §6, issue 6: "returned to … approvers whose part did not change
 * can be skipped"). When a step's holder agrees, what the step shows (every variable its field
 * permissions do not hide) is remembered; when a return and resubmission bring the process back
 * to the step and nothing it shows has changed, the same holder's agreement stands again: the
 * step is agreed at once, with a `task.auto-completed` event, reason `unchanged`.
 */
import type { ElementDef, UserTaskDef } from '../definition/model'
import type { Run } from '../runtime/run'
import { canonical } from '../runtime/same-value'
import type { Token } from '../runtime/state'

/** Variables the engine keeps for itself: they change on every round and are not the step's fields. */
const BOOKKEEPING = new Set(['approvals', 'lastOutcome'])

/** What `def` shows of `variables`, as canonical JSON. Nested hidden paths hide nothing here: a step compared on more fields is only skipped less. */
function shown(def: UserTaskDef, variables: Record<string, unknown>): string {
  const wildcard = def.fields.find((f) => f.path === '*')?.mode
  const modeOf = (key: string) => def.fields.find((f) => f.path === key)?.mode ?? wildcard
  return canonical(Object.fromEntries(Object.entries(variables).filter(([key]) => !BOOKKEEPING.has(key) && modeOf(key) !== 'hidden'))) ?? '{}'
}

/** The step was agreed by `by`: remember what it showed, if the step may be skipped later. */
export function rememberAgreement(run: Run, token: Token, element: ElementDef, by: string): void {
  if (!element.userTask?.skipIfUnchanged) return
  run.state.agreed = { ...run.state.agreed, [element.id]: { by, at: run.at, shown: shown(element.userTask, run.variablesAt(token)) } }
}

/** The step is being returned to, or decided otherwise than agree: its earlier agreement no longer stands. */
export function forgetAgreement(run: Run, element: string): void {
  if (run.state.agreed?.[element]) delete run.state.agreed[element]
}

/**
 * The holder whose earlier agreement stands for the step entered now: they agreed last time, are
 * still among its assignees, and nothing the step shows has changed since. Undefined otherwise.
 */
export function standingAgreement(run: Run, token: Token, element: ElementDef, users: string[]): { by: string; at: string } | undefined {
  const def = element.userTask
  const agreed = run.state.agreed?.[element.id]
  if (!def?.skipIfUnchanged || !agreed || !users.includes(agreed.by)) return undefined
  return agreed.shown === shown(def, run.variablesAt(token)) ? { by: agreed.by, at: agreed.at } : undefined
}
