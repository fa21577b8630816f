/**
 * Assignment: turning `hall:assignee` terms into user ids.
 *
 * The engine resolves the terms that only need instance data (`user`, `field`,
 * `initiatorChosen`, FEEL). Organisation terms (`role`, `post`, `deptHead`) go to the
 * injected {@link AssignmentResolver}, which the server backs with its org tables.
 */
import type { AssigneeSpec } from './spec'
import { readPath } from './spec'

export type OrgSpec = Extract<AssigneeSpec, { kind: 'role' | 'post' | 'deptHead' }>

/** What a resolver may know about the instance being assigned. */
export interface AssignmentContext {
  initiator: string
  variables: Record<string, unknown>
  at: Date
  elementId: string
  /** The instance's unit, when it was started with one. */
  unit?: string
}

/** Injected organisation lookup. Return an empty list when nobody fits; the engine then uses the fallback. */
export interface AssignmentResolver {
  resolve(spec: OrgSpec, context: AssignmentContext): string[] | Promise<string[]>
}

/** Variable holding initiator-chosen assignees: `{ [elementId]: userId | userId[] }`. */
export const CHOSEN_VARIABLE = 'chosenAssignees'

const asUsers = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : typeof value === 'string' ? [value] : []

/** Resolve a candidate list to distinct user ids, in the order of the terms. */
export async function resolveAssignees(
  specs: AssigneeSpec[],
  context: AssignmentContext,
  resolver: AssignmentResolver | undefined,
): Promise<{ users: string[]; errors: string[] }> {
  const users: string[] = []
  const errors: string[] = []
  for (const spec of specs) {
    switch (spec.kind) {
      case 'user':
        users.push(spec.id)
        break
      case 'field':
        users.push(...asUsers(readPath(context.variables, spec.path)))
        break
      case 'initiatorChosen':
        users.push(...asUsers(readPath(context.variables, `${CHOSEN_VARIABLE}.${context.elementId}`)))
        break
      case 'feel': {
        const result = spec.expression.evaluate(context.variables)
        if ('error' in result) errors.push(`Expected assignee expression '${spec.expression.source}' to evaluate, but it failed: ${result.error}`)
        else users.push(...asUsers(result.value))
        break
      }
      default:
        if (resolver) users.push(...(await resolver.resolve(spec, context)))
    }
  }
  return { users: [...new Set(users)], errors }
}
