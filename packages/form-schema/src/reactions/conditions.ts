import { concretize, deepEqual as same, getAt, isEmptyValue } from '../schema/paths'
import type { Condition, ConditionOp } from './types'

/** Orders numbers with numbers and text with text (ISO dates sort as text); anything else is not comparable. */
function compare(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number') return a - b
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0
  return undefined
}

function memberOf(actual: unknown, list: unknown): boolean {
  if (!Array.isArray(list)) return false
  // A multi-value field is "in" the list when any of its values is.
  const values = Array.isArray(actual) ? actual : [actual]
  return values.some((v) => list.some((item) => same(v, item)))
}

const OPS: Readonly<Record<ConditionOp, (actual: unknown, expected: unknown) => boolean>> = {
  eq: same,
  ne: (a, b) => !same(a, b),
  in: memberOf,
  notIn: (a, b) => !memberOf(a, b),
  gt: (a, b) => (compare(a, b) ?? Number.NaN) > 0,
  gte: (a, b) => (compare(a, b) ?? Number.NaN) >= 0,
  lt: (a, b) => (compare(a, b) ?? Number.NaN) < 0,
  lte: (a, b) => (compare(a, b) ?? Number.NaN) <= 0,
  empty: (a) => isEmptyValue(a),
  notEmpty: (a) => !isEmptyValue(a),
}

/**
 * Tests a condition against the data, seen from the concrete path of the
 * field that owns the reaction (so sub-table rows read their own row).
 */
export function testCondition(condition: Condition, data: unknown, from: string): boolean {
  if ('all' in condition) return condition.all.every((c) => testCondition(c, data, from))
  if ('any' in condition) return condition.any.some((c) => testCondition(c, data, from))
  // Unknown operators fail closed; parseFormSchema reports them before this point.
  if (!Object.hasOwn(OPS, condition.op)) return false
  return OPS[condition.op](getAt(data, concretize(condition.field, from)), condition.value)
}

/** Every field path a condition reads, for lint. */
export function conditionFields(condition: Condition): string[] {
  if ('all' in condition) return condition.all.flatMap(conditionFields)
  if ('any' in condition) return condition.any.flatMap(conditionFields)
  return [condition.field]
}
