import { instancesOf } from '../schema/instances'
import { deepEqual, getAt, isRecord, setAt } from '../schema/paths'
import { buildTree, type SchemaNode } from '../schema/tree'
import type { FieldSchema, FormValues, FormSchema } from '../schema/types'
import { accessOf, FIELD_ACCESS, type FieldPermissions } from './access'

function applyNode(node: SchemaNode, permissions: FieldPermissions): FieldSchema {
  let schema: FieldSchema = node.schema
  const children = node.children.map((child) => [child.key, applyNode(child, permissions)] as const)
  if (children.length > 0) {
    const properties = Object.fromEntries(children)
    schema =
      node.kind === 'array' && schema.items
        ? { ...schema, items: { ...schema.items, properties } }
        : { ...schema, properties }
  }
  if (node.kind === 'root') return schema
  const access = accessOf(node, permissions)
  // Formily's own switches, so the renderer needs no extra logic: `none` also drops the value.
  if (access === FIELD_ACCESS.hidden) return { ...schema, 'x-display': 'none' }
  if (access === FIELD_ACCESS.readOnly && node.kind !== 'void')
    return { ...schema, 'x-pattern': 'readOnly' }
  return schema
}

/**
 * Returns a copy of the schema with one step's permissions applied the
 * Formily way: hidden fields get `x-display: "none"`, read-only fields
 * `x-pattern: "readOnly"`. The input schema is not changed.
 */
export function applyPermissions(schema: FormSchema, permissions: FieldPermissions): FormSchema {
  if (deepEqual(permissions, {})) return schema
  return applyNode(buildTree(schema), permissions) as FormSchema
}

/**
 * Removes the values of fields a step hides, so the server never sends them
 * to a viewer who may not see them (hiding in the UI alone would leak them).
 */
export function stripHidden(
  data: FormValues,
  schema: FormSchema,
  permissions: FieldPermissions,
): Record<string, unknown> {
  const copy = structuredClone(data) as Record<string, unknown>
  const hidden = instancesOf(buildTree(schema), copy).filter(
    (i) => i.node.kind !== 'void' && accessOf(i.node, permissions) === FIELD_ACCESS.hidden,
  )
  // Delete deepest paths first so removing a parent cannot hide a pending child from us.
  for (const instance of hidden.reverse()) {
    const cut = instance.path.lastIndexOf('.')
    const container = cut < 0 ? copy : getAt(copy, instance.path.slice(0, cut))
    if (isRecord(container)) delete container[instance.node.key]
  }
  return copy
}

/**
 * The submitted data with every field the step locks replaced by its stored
 * value, so reactions and computed values see the real form even when the
 * browser sends only what it may edit. Locked columns of an editable sub-table
 * are matched by row index. Computed fields are left alone: they are derived.
 */
export function withLockedValues(
  root: SchemaNode,
  data: FormValues,
  current: FormValues,
  permissions: FieldPermissions,
): Record<string, unknown> {
  const merged = structuredClone(data) as Record<string, unknown>
  const locked = [...instancesOf(root, merged), ...instancesOf(root, current)].filter(
    (i) =>
      i.node.kind !== 'void' &&
      i.node.schema['x-computed'] === undefined &&
      accessOf(i.node, permissions) !== FIELD_ACCESS.editable,
  )
  for (const instance of locked)
    setAt(merged, instance.path, structuredClone(getAt(current, instance.path)))
  return merged
}
