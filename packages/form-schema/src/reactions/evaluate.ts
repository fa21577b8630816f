import { instancesOf, type Instance } from '../schema/instances'
import { buildTree } from '../schema/tree'
import { getAt, setAt } from '../schema/paths'
import type { FieldSchema, FormValues, FormSchema } from '../schema/types'
import { isSchemaRequired, isStaticallyHidden } from '../schema/field-flags'
import { testCondition } from './conditions'
import { computeValue } from './computed'
import {
  isDeclarativeReaction,
  type DeclarativeReaction,
  type FieldState,
  type FieldStates,
  type ReactionEffect,
} from './types'

/** Computed values may feed each other (a total from row subtotals); a few rounds settle any sane form. */
const MAX_ROUNDS = 8

type MutableState = { visible: boolean; required: boolean; disabled: boolean; value?: unknown }

/** The declarative reactions of a field, skipping Formily's own ones. */
export function declarativeReactions(schema: FieldSchema): DeclarativeReaction[] {
  const raw = schema['x-reactions']
  if (raw === undefined) return []
  return (Array.isArray(raw) ? raw : [raw]).filter(isDeclarativeReaction)
}

function inverted(effect: ReactionEffect): ReactionEffect {
  const out: { visible?: boolean; required?: boolean; disabled?: boolean } = {}
  if (effect.visible !== undefined) out.visible = !effect.visible
  if (effect.required !== undefined) out.required = !effect.required
  if (effect.disabled !== undefined) out.disabled = !effect.disabled
  return out
}

/** The effect a reaction has right now: `then`, `otherwise`, or `then` inverted. */
function activeEffect(reaction: DeclarativeReaction, data: unknown, path: string): ReactionEffect {
  if (testCondition(reaction.when, data, path)) return reaction.then
  return reaction.otherwise ?? inverted(reaction.then)
}

function baseState(instance: Instance): MutableState {
  const s = instance.node.schema
  const pattern = s['x-pattern']
  return {
    visible: !isStaticallyHidden(s),
    required: isSchemaRequired(s, instance.node.listedRequired),
    disabled:
      s['x-disabled'] === true ||
      s['x-read-only'] === true ||
      (pattern !== undefined && pattern !== 'editable'),
  }
}

/** The value a field is forced to (computed or by a reaction), if any. */
function forcedValue(instance: Instance, data: unknown): { value: unknown } | undefined {
  const schema = instance.node.schema
  let forced: { value: unknown } | undefined
  for (const reaction of declarativeReactions(schema)) {
    const effect = activeEffect(reaction, data, instance.path)
    if ('value' in effect) forced = { value: effect.value }
  }
  const computed = schema['x-computed']
  if (computed !== undefined) {
    const result = computeValue(computed, data, instance.path)
    forced = { value: result.ok ? result.value : undefined }
  }
  return forced
}

/** Applies computed and reaction values until nothing changes; returns the settled copy of the data. */
function settle(schema: FormSchema, data: FormValues): Record<string, unknown> {
  const working = structuredClone(data) as Record<string, unknown>
  const tree = buildTree(schema)
  for (let round = 0; round < MAX_ROUNDS; round++) {
    let changed = false
    for (const instance of instancesOf(tree, working)) {
      if (instance.node.kind === 'void') continue
      const forced = forcedValue(instance, working)
      if (!forced || JSON.stringify(forced.value) === JSON.stringify(getAt(working, instance.path)))
        continue
      changed = setAt(working, instance.path, forced.value) || changed
    }
    if (!changed) break
  }
  return working
}

/**
 * Works out every field's state (visible, required, disabled, forced value)
 * from the schema and the data, the same way in the browser and on the
 * server. A field is hidden or disabled when any enclosing node is; hidden
 * fields are never required.
 *
 * @returns states keyed by concrete path (`items[2].amount`); void layout nodes by concrete address.
 */
export function evaluateReactions(schema: FormSchema, data: FormValues): FieldStates {
  const settled = settle(schema, data)
  const states: Record<string, FieldState> = {}
  const byInstance = new Map<Instance, MutableState>()
  for (const instance of instancesOf(buildTree(schema), settled)) {
    const state = baseState(instance)
    for (const reaction of declarativeReactions(instance.node.schema)) {
      const effect = activeEffect(reaction, settled, instance.path)
      if (effect.visible !== undefined) state.visible = effect.visible
      if (effect.required !== undefined) state.required = effect.required
      if (effect.disabled !== undefined) state.disabled = effect.disabled
    }
    const parent = instance.parent && byInstance.get(instance.parent)
    if (parent) {
      state.visible &&= parent.visible
      state.disabled ||= parent.disabled
    }
    state.required &&= state.visible
    const forced = instance.node.kind === 'void' ? undefined : forcedValue(instance, settled)
    if (forced && forced.value !== undefined) state.value = forced.value
    byInstance.set(instance, state)
    states[instance.path] = state
  }
  return states
}
