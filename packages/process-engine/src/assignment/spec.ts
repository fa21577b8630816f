/**
 * `hall:assignee` terms. A comma-separated attribute is a list of candidate terms;
 * the users of every term are merged in order, duplicates removed.
 */
import { compileFeel, type CompiledExpression } from '../expressions/feel'

export type AssigneeSpec =
  | { kind: 'user'; id: string }
  | { kind: 'role'; id: string }
  | { kind: 'post'; id: string }
  | { kind: 'deptHead'; levels: number }
  | { kind: 'initiatorChosen' }
  | { kind: 'field'; path: string }
  | { kind: 'feel'; expression: CompiledExpression }

/** Parse one attribute value; throws Error with a readable message for the deploy problem list. */
export function parseAssignees(text: string): AssigneeSpec[] {
  const trimmed = text.trim()
  // A FEEL expression may itself contain commas, so it is always the whole attribute.
  if (trimmed.startsWith('=')) return [{ kind: 'feel', expression: compileFeel(trimmed.slice(1)) }]
  return trimmed.split(',').map((part) => parseTerm(part.trim()))
}

function parseTerm(term: string): AssigneeSpec {
  if (term === 'initiatorChosen') return { kind: 'initiatorChosen' }
  const colon = term.indexOf(':')
  const prefix = colon < 0 ? term : term.slice(0, colon)
  const value = colon < 0 ? '' : term.slice(colon + 1).trim()
  if (!value) throw new Error(`Expected an assignee like user:<id>, role:<id>, post:<id>, deptHead:<n>, initiatorChosen, field:<path> or =<FEEL>, but got '${term}'`)
  switch (prefix) {
    case 'user':
    case 'role':
    case 'post':
      return { kind: prefix, id: value }
    case 'field':
      return { kind: 'field', path: value }
    case 'deptHead': {
      const levels = Number(value)
      if (!Number.isInteger(levels) || levels < 1) throw new Error(`Expected deptHead:<n> with n ≥ 1, but got '${term}'`)
      return { kind: 'deptHead', levels }
    }
    default:
      throw new Error(`Unknown assignee kind '${prefix}' in '${term}'`)
  }
}

/** Read a dotted path (`applicant.supervisor`) from variables. */
export function readPath(variables: Record<string, unknown>, path: string): unknown {
  let value: unknown = variables
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
