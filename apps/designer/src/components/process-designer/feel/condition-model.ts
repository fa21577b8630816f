/** The condition builder's model: rows of (field, operator, value) in AND/OR groups. */
import type { FormFieldInfo } from '../types'

export const OPERATORS = ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'contains', 'empty', 'notEmpty', 'in'] as const
export type Operator = (typeof OPERATORS)[number]

/** A literal in a row: a list only for `in`. */
export type ConditionValue = string | number | boolean | (string | number)[]

export interface ConditionRow {
  field: string
  operator: Operator
  value?: ConditionValue
}

export interface ConditionGroup {
  join: 'and' | 'or'
  rows: ConditionRow[]
}

/** Groups joined by `join`; each group's rows by the group's own join. */
export interface Condition {
  join: 'and' | 'or'
  groups: ConditionGroup[]
}

/** Which operators make sense for a field type (a boolean is never "greater"). */
export function operatorsFor(type: FormFieldInfo['type'] | undefined): readonly Operator[] {
  switch (type) {
    case 'number':
    case 'date':
      return ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'empty', 'notEmpty', 'in']
    case 'boolean':
      return ['eq', 'ne', 'empty', 'notEmpty']
    case 'array':
      return ['contains', 'empty', 'notEmpty']
    case 'object':
      return ['empty', 'notEmpty']
    default:
      return ['eq', 'ne', 'contains', 'empty', 'notEmpty', 'in']
  }
}

/** Operators that take no value. */
export const UNARY: readonly Operator[] = ['empty', 'notEmpty']

/** A condition with one empty row: what the builder shows for a flow without one. */
export function emptyCondition(): Condition {
  return { join: 'and', groups: [{ join: 'and', rows: [{ field: '', operator: 'eq', value: '' }] }] }
}
