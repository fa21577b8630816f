import type {
  Computed,
  ConditionOp,
  DeclarativeReaction,
  FieldSchema,
  Reaction,
  ReactionEffect,
} from '@hall/form-schema'

/** What a rule does to its field while the condition holds (and undoes otherwise). */
export const RULE_EFFECTS = ['show', 'hide', 'require', 'disable'] as const
export type RuleEffect = (typeof RULE_EFFECTS)[number]

/** Operators that need no value on the right. */
export const VALUELESS_OPS: ReadonlySet<ConditionOp> = new Set(['empty', 'notEmpty'])
const LIST_OPS: ReadonlySet<ConditionOp> = new Set(['in', 'notIn'])

/**
 * A reaction as the builder shows it: "when <field> <op> <value>, <effect> this field". `value`
 * is what the designer typed; `toReaction` turns it into the field's type (numbers for numeric
 * fields, comma-separated lists for `in`).
 */
export interface SimpleRule {
  readonly field: string
  readonly op: ConditionOp
  readonly value: string
  readonly effect: RuleEffect
}

const EFFECT_STATE: Readonly<Record<RuleEffect, ReactionEffect>> = {
  show: { visible: true },
  hide: { visible: false },
  require: { required: true },
  disable: { disabled: true },
}

const isNumeric = (node: FieldSchema | undefined) =>
  node?.type === 'number' || node?.type === 'integer' || node?.type === 'number[]'

function typed(text: string, numeric: boolean): string | number | boolean {
  const trimmed = text.trim()
  if (numeric && trimmed !== '' && Number.isFinite(Number(trimmed))) return Number(trimmed)
  if (trimmed === 'true' || trimmed === 'false') return trimmed === 'true'
  return trimmed
}

/** The declarative reaction of a rule; `target` is the field the condition reads (for its type). */
export function toReaction(rule: SimpleRule, target: FieldSchema | undefined): DeclarativeReaction {
  const numeric = isNumeric(target)
  const base = { field: rule.field, op: rule.op }
  const when = VALUELESS_OPS.has(rule.op)
    ? base
    : LIST_OPS.has(rule.op)
      ? { ...base, value: rule.value.split(/[,，]/).map((part) => typed(part, numeric)) }
      : { ...base, value: typed(rule.value, numeric) }
  return { when, then: EFFECT_STATE[rule.effect] }
}

function effectOf(then: ReactionEffect): RuleEffect | undefined {
  const keys = Object.keys(then)
  if (keys.length !== 1) return undefined
  return RULE_EFFECTS.find((effect) => {
    const [name, value] = Object.entries(EFFECT_STATE[effect])[0] ?? []
    return name === keys[0] && (then as Record<string, unknown>)[name ?? ''] === value
  })
}

const display = (value: unknown) => (Array.isArray(value) ? value.join(',') : String(value ?? ''))

/** The rule a reaction is, or undefined when the builder cannot show it (groups, values, otherwise). */
export function fromReaction(reaction: Reaction | string): SimpleRule | undefined {
  if (typeof reaction !== 'object' || !('then' in reaction) || typeof reaction.when !== 'object') {
    return undefined
  }
  const { when, then, otherwise } = reaction as DeclarativeReaction
  if (otherwise || !('field' in when)) return undefined
  const effect = effectOf(then)
  return effect && { field: when.field, op: when.op, value: display(when.value), effect }
}

/** Splits a field's `x-reactions` into rules the builder edits and the rest it keeps untouched. */
export function splitReactions(node: FieldSchema): {
  rules: SimpleRule[]
  others: (Reaction | string)[]
} {
  const raw = node['x-reactions']
  const list: (Reaction | string)[] = raw === undefined ? [] : Array.isArray(raw) ? [...raw] : [raw as Reaction]
  const rules: SimpleRule[] = []
  const others: (Reaction | string)[] = []
  for (const reaction of list) {
    const rule = fromReaction(reaction)
    if (rule) rules.push(rule)
    else others.push(reaction)
  }
  return { rules, others }
}

/** The `x-reactions` value for edited rules plus the kept ones; undefined when there are none. */
export function joinReactions(
  rules: readonly SimpleRule[],
  others: readonly (Reaction | string)[],
  fieldOf: (path: string) => FieldSchema | undefined,
): (Reaction | string)[] | undefined {
  const all = [...rules.filter((rule) => rule.field).map((rule) => toReaction(rule, fieldOf(rule.field))), ...others]
  return all.length > 0 ? all : undefined
}

/** A computed value as the builder shows it. */
export type ComputedChoice =
  | { readonly kind: 'none' }
  | { readonly kind: 'sum'; readonly column: string }
  | { readonly kind: 'daysBetween'; readonly start: string; readonly end: string; readonly inclusive: boolean }
  | { readonly kind: 'expression'; readonly expression: string }

export function fromComputed(computed: Computed | undefined): ComputedChoice {
  if (computed === undefined) return { kind: 'none' }
  if (typeof computed === 'string') return { kind: 'expression', expression: computed.slice(1) }
  if ('sum' in computed) return { kind: 'sum', column: computed.sum }
  const [start, end] = computed.daysBetween
  return { kind: 'daysBetween', start, end, inclusive: computed.inclusive ?? false }
}

/** The `x-computed` value of a choice; undefined for none or a choice not yet complete. */
export function toComputed(choice: ComputedChoice): Computed | undefined {
  switch (choice.kind) {
    case 'none':
      return undefined
    case 'sum':
      return choice.column ? { sum: choice.column } : undefined
    case 'daysBetween':
      return choice.start && choice.end
        ? { daysBetween: [choice.start, choice.end], ...(choice.inclusive ? { inclusive: true } : {}) }
        : undefined
    case 'expression':
      return choice.expression.trim() ? `=${choice.expression.trim()}` : undefined
  }
}
