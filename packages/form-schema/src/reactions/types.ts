/** Comparison operators a designer picks from a list; no code involved. */
export const CONDITION_OPS = [
  'eq',
  'ne',
  'in',
  'notIn',
  'gt',
  'gte',
  'lt',
  'lte',
  'empty',
  'notEmpty',
] as const
export type ConditionOp = (typeof CONDITION_OPS)[number]

/**
 * A test on the form data. `field` is a template path (`leaveType`,
 * `items.kind`); inside a sub-table row a column of the same table means the
 * same row. `value` is the right-hand side (a list for `in`/`notIn`, unused for
 * `empty`/`notEmpty`).
 */
export type Condition =
  | { readonly field: string; readonly op: ConditionOp; readonly value?: unknown }
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }

/** State a reaction sets. Keys left out are untouched. */
export interface ReactionEffect {
  readonly visible?: boolean
  readonly required?: boolean
  readonly disabled?: boolean
  readonly value?: unknown
}

/**
 * A declarative reaction: while `when` holds, `then` applies; otherwise
 * `otherwise` applies, and when `otherwise` is left out the boolean keys of
 * `then` are inverted ("show and require when sick" hides and frees the field
 * for other leave types). This form is re-checked on the server.
 */
export interface DeclarativeReaction {
  readonly when: Condition
  readonly then: ReactionEffect
  readonly otherwise?: ReactionEffect
}

/**
 * Formily's own reaction (`dependencies`, `fulfill`, `{{…}}` expressions).
 * Passed through untouched for the renderer; the server cannot re-check it.
 */
export interface FormilyReaction {
  readonly dependencies?: unknown
  readonly when?: string | boolean
  readonly fulfill?: unknown
  readonly otherwise?: unknown
  readonly target?: string
  readonly effects?: readonly string[]
  readonly [key: string]: unknown
}

export type Reaction = DeclarativeReaction | FormilyReaction

/** Per-field state after reactions: what the renderer shows and what `validate` enforces. */
export interface FieldState {
  readonly visible: boolean
  readonly required: boolean
  readonly disabled: boolean
  /** Set by `x-computed` or a reaction's `value`; absent when the field keeps what was typed. */
  readonly value?: unknown
}

/** Field states keyed by concrete data path (void layout nodes by concrete address). */
export type FieldStates = Readonly<Record<string, FieldState>>

/** Tells the two reaction dialects apart: only ours has an object `when` and a `then`. */
export function isDeclarativeReaction(reaction: unknown): reaction is DeclarativeReaction {
  return (
    typeof reaction === 'object' &&
    reaction !== null &&
    'then' in reaction &&
    'when' in reaction &&
    typeof reaction.when === 'object' &&
    reaction.when !== null
  )
}
