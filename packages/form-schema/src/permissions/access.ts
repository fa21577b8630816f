import type { SchemaNode } from '../schema/tree'

/** What the current process step lets a viewer do with a field. */
export const FIELD_ACCESS = {
  editable: 'editable',
  readOnly: 'readOnly',
  hidden: 'hidden',
} as const
export type FieldAccess = (typeof FIELD_ACCESS)[keyof typeof FIELD_ACCESS]

/**
 * Field permissions of one process step: template path (`applicant.name`,
 * `expenses.amount`, or the key of a void layout node such as a tab) → access.
 * `'*'` sets the default for fields not listed; without it they are editable.
 *
 * @example { '*': 'readOnly', opinion: 'editable', 'applicant.idCard': 'hidden' }
 */
export type FieldPermissions = Readonly<Record<string, FieldAccess>>

const RANK: Readonly<Record<FieldAccess, number>> = { editable: 0, readOnly: 1, hidden: 2 }

/**
 * The access of a node: the most restrictive entry naming the node or any
 * node around it (a hidden tab hides its fields; a read-only sub-table locks
 * its columns), falling back to `'*'`, then to editable.
 */
export function accessOf(node: SchemaNode, permissions: FieldPermissions | undefined): FieldAccess {
  if (!permissions) return FIELD_ACCESS.editable
  let found: FieldAccess | undefined
  for (let n: SchemaNode | undefined = node; n && n.kind !== 'root'; n = n.parent) {
    for (const key of new Set([n.path, n.address])) {
      const access = Object.hasOwn(permissions, key) ? permissions[key] : undefined
      if (access && (found === undefined || RANK[access] > RANK[found])) found = access
    }
  }
  return found ?? permissions['*'] ?? FIELD_ACCESS.editable
}
