import { isField, isVoidField, type Form, type GeneralField } from '@formily/core'
import { toJS } from '@formily/reactive'
import {
  evaluateReactions,
  type FieldState,
  type FieldStates,
  type FormSchema,
  type FormValues,
} from '@hall/form-schema'
import { drivenPaths } from './driven-paths'
import { isRowPath, toFormilyPath } from './paths'

function sameState(a: FieldState, b: FieldState): boolean {
  return a.visible === b.visible && a.required === b.required && a.disabled === b.disabled
}

/** Computed values differ by float noise (0.1 + 0.2); a change below a millionth is no change. */
function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) < 1e-9
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * Pushes one state into a Formily field. `required` only draws the asterisk: the
 * check itself is `validate`'s. Visibility and `disabled` only where our reactions
 * drive them (`driven`); `disabled` never unlocks a field a permission or the schema locked.
 */
function applyState(field: GeneralField, state: FieldState, driven: boolean): void {
  if (driven) field.visible = state.visible
  if (!isField(field)) return
  field.setDecoratorProps({ asterisk: state.required })
  if (!driven) return
  if (state.disabled && field.pattern === 'editable') field.pattern = 'disabled'
  else if (!state.disabled && field.pattern === 'disabled') field.pattern = 'editable'
}

export interface ReactionSync {
  /** The states of the last evaluation. */
  readonly states: FieldStates
  /** Re-evaluates the declarative reactions and computed values and applies what changed. */
  update(form: Form): FieldStates
  /** Gives a field Formily has just created (a lazy tab, a shown panel) the current state. */
  init(field: GeneralField): void
}

/**
 * Runs @hall/form-schema's `evaluateReactions` on every value change, as the
 * server does on submit, so the browser shows exactly what will be enforced.
 * Only changed states are pushed, so typing in a 200-field form touches a few fields.
 */
export function createReactionSync(schema: FormSchema, initialValues: FormValues): ReactionSync {
  let states = evaluateReactions(schema, initialValues)
  const driven = drivenPaths(schema)
  return {
    get states() {
      return states
    },
    update(form) {
      const before = states
      const next = evaluateReactions(schema, toJS(form.values) as FormValues)
      states = next
      for (const [path, state] of Object.entries(next)) {
        if (state.value !== undefined) {
          const formilyPath = toFormilyPath(path)
          if (!sameValue(form.getValuesIn(formilyPath), state.value))
            form.setValuesIn(formilyPath, state.value)
        }
        const old = before[path]
        if (isRowPath(path) || (old && sameState(old, state))) continue
        const field = form.query(path).take()
        if (field) applyState(field, state, driven.has(path))
      }
      return next
    },
    init(field) {
      const key = isVoidField(field) ? field.address.toString() : field.path.toString()
      const state = states[key]
      if (state) applyState(field, state, driven.has(key))
    },
  }
}
