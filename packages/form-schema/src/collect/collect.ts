import { evaluateReactions } from '../reactions/evaluate'
import { instancesOf } from '../schema/instances'
import { buildTree } from '../schema/tree'
import type { FormValues, FormSchema } from '../schema/types'

/** One value to write back into the data center or a named target. */
export interface CollectItem {
  /** The `x-collect` target as written: `dc:<table>.<column>` or a named target. */
  readonly target: string
  readonly value: unknown
  /** Concrete data path of the source field (`expenses[1].amount`). */
  readonly field: string
}

/** A parsed `x-collect` target, so the server does not split strings itself. */
export type CollectTarget =
  | { readonly kind: 'dc'; readonly table: string; readonly column: string }
  | { readonly kind: 'named'; readonly name: string }

/**
 * Parses a target: `dc:person.id_card` → data-center table `person`, column
 * `id_card`; anything else is a named target the host maps (e.g. a ledger).
 * Returns undefined for a `dc:` target without a table and a column.
 */
export function parseCollectTarget(target: string): CollectTarget | undefined {
  if (!target.startsWith('dc:')) return target === '' ? undefined : { kind: 'named', name: target }
  const match = /^dc:([A-Za-z_][\w]*)\.([A-Za-z_][\w]*)$/.exec(target)
  return match?.[1] && match[2] ? { kind: 'dc', table: match[1], column: match[2] } : undefined
}

/**
 * Lists the write-back items of validated form data: one per filled-in field
 * with `x-collect`, one per row for sub-table columns, computed values as
 * computed. Fields hidden by reactions are skipped: their values were dropped.
 *
 * @example collect(schema, validated.data) // [{ target: 'dc:person.id_card', value: '1101…', field: 'idCard' }]
 */
export function collect(schema: FormSchema, data: FormValues): CollectItem[] {
  const states = evaluateReactions(schema, data)
  const items: CollectItem[] = []
  for (const instance of instancesOf(buildTree(schema), data)) {
    const target = instance.node.schema['x-collect']
    const state = states[instance.path]
    if (target === undefined || instance.node.kind === 'void' || state?.visible === false) continue
    const value = state && 'value' in state ? state.value : instance.value
    if (value !== undefined) items.push({ target, value, field: instance.path })
  }
  return items
}
