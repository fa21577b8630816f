import type { FieldSchema, FormSchema } from '@hall/form-schema'

/**
 * Edits of the form tree the canvas makes. A node is addressed by the keys from the root down
 * (void layout nodes included); a sub-table's columns live under `items.properties`. Every
 * function returns a new schema and leaves its input untouched, so undo keeps plain snapshots.
 */
export type NodePath = readonly string[]

/** A node with its address, in canvas order. */
export interface FlatNode {
  readonly path: NodePath
  readonly node: FieldSchema
  readonly depth: number
}

/** Keys a designer may give a field: what FEEL, reactions and permissions can name. */
export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_]*$/

const PANE_OF: Readonly<Record<string, string>> = {
  FormTab: 'FormTab.TabPane',
  FormCollapse: 'FormCollapse.CollapsePanel',
}
const PANES = new Set(Object.values(PANE_OF))
const LAYOUTS = new Set(['FormGrid', 'FormItem', ...PANES])

type Mutable = Record<string, unknown>

const isSubTable = (node: FieldSchema) => node.type === 'array' && node.items !== undefined

/** The children of a node in the order a user sees them (`x-index` first, then declaration). */
export function childrenOf(node: FieldSchema): [string, FieldSchema][] {
  const properties = (isSubTable(node) ? node.items?.properties : node.properties) ?? {}
  return Object.entries(properties)
    .map((entry, order) => ({ entry, order, index: entry[1]['x-index'] ?? Infinity }))
    .sort((a, b) => a.index - b.index || a.order - b.order)
    .map(({ entry }) => entry)
}

/** The pane component a tabs or collapse node holds, if it is one. */
export function paneOf(node: FieldSchema): string | undefined {
  return PANE_OF[node['x-component'] ?? '']
}

/** Whether `child` may be placed directly inside `parent` (the root counts as an object). */
export function accepts(parent: FieldSchema, child: FieldSchema): boolean {
  const component = parent['x-component'] ?? ''
  const pane = paneOf(parent)
  if (pane) return child['x-component'] === pane
  if (PANES.has(child['x-component'] ?? '')) return false
  if (isSubTable(parent)) return child.type !== 'void' && child.type !== 'array' && child.type !== 'object'
  return parent.type === 'object' || parent.properties !== undefined || LAYOUTS.has(component)
}

/** Whether the canvas shows a drop area inside this node. */
export function isContainer(node: FieldSchema): boolean {
  return isSubTable(node) || paneOf(node) !== undefined || LAYOUTS.has(node['x-component'] ?? '')
}

export function getNode(schema: FormSchema, path: NodePath): FieldSchema | undefined {
  let node: FieldSchema | undefined = schema
  for (const key of path) node = node && childrenOf(node).find(([k]) => k === key)?.[1]
  return node
}

/** Rebuilds `node` with new children (in the given order; `x-index` dropped so order is the array's). */
function withChildren(node: FieldSchema, children: [string, FieldSchema][]): FieldSchema {
  const properties = Object.fromEntries(
    children.map(([key, child]) => {
      const { 'x-index': _dropped, ...rest } = child
      return [key, rest]
    }),
  )
  if (isSubTable(node)) return { ...node, items: { type: 'object', ...node.items, properties } }
  return { ...node, properties }
}

/** Applies `edit` to the children list of the node at `parentPath`. */
function editChildren(
  schema: FormSchema,
  parentPath: NodePath,
  edit: (children: [string, FieldSchema][]) => [string, FieldSchema][],
): FormSchema {
  const rebuild = (node: FieldSchema, rest: NodePath): FieldSchema => {
    if (rest.length === 0) return withChildren(node, edit(childrenOf(node)))
    const [head, ...tail] = rest
    const children = childrenOf(node)
    if (!children.some(([key]) => key === head)) throw new Error(`No node ${parentPath.join('.')}`)
    return withChildren(
      node,
      children.map(([key, child]) => [key, key === head ? rebuild(child, tail) : child]),
    )
  }
  return rebuild(schema, parentPath) as FormSchema
}

/** Inserts `node` as `key` at `index` of the container at `parentPath` (clamped; -1 appends). */
export function insertNode(
  schema: FormSchema,
  parentPath: NodePath,
  index: number,
  key: string,
  node: FieldSchema,
): FormSchema {
  return editChildren(schema, parentPath, (children) => {
    const at = index < 0 || index > children.length ? children.length : index
    return [...children.slice(0, at), [key, node], ...children.slice(at)]
  })
}

export function removeNode(schema: FormSchema, path: NodePath): FormSchema {
  const key = path.at(-1)
  return editChildren(schema, path.slice(0, -1), (children) => children.filter(([k]) => k !== key))
}

/** Changes keys of a node; `undefined` removes the key. */
export function updateNode(schema: FormSchema, path: NodePath, patch: Mutable): FormSchema {
  const key = path.at(-1)
  if (key === undefined) return applyPatch(schema, patch) as FormSchema
  return editChildren(schema, path.slice(0, -1), (children) =>
    children.map(([k, child]) => [k, k === key ? applyPatch(child, patch) : child]),
  )
}

function applyPatch(node: FieldSchema, patch: Mutable): FieldSchema {
  const next: Mutable = { ...node }
  for (const [name, value] of Object.entries(patch)) {
    if (value === undefined) delete next[name]
    else next[name] = value
  }
  return next as FieldSchema
}

/** Gives a node a new key in the same place. */
export function renameNode(schema: FormSchema, path: NodePath, newKey: string): FormSchema {
  const key = path.at(-1)
  return editChildren(schema, path.slice(0, -1), (children) =>
    children.map(([k, child]) => [k === key ? newKey : k, child]),
  )
}

const startsWith = (path: NodePath, prefix: NodePath) =>
  prefix.length <= path.length && prefix.every((key, i) => path[i] === key)

/**
 * Moves a node to `index` of another (or the same) container; `index` counts the children
 * before the move. Refuses to move a node into itself. Returns the moved node's new path.
 */
export function moveNode(
  schema: FormSchema,
  from: NodePath,
  toParent: NodePath,
  index: number,
): { schema: FormSchema; path: NodePath } | undefined {
  const node = getNode(schema, from)
  const parent = getNode(schema, toParent)
  const key = from.at(-1)
  if (!node || !parent || key === undefined || startsWith(toParent, from)) return undefined
  if (!accepts(parent, node)) return undefined
  const sameParent = toParent.length === from.length - 1 && startsWith(from, toParent)
  let at = index
  if (sameParent) {
    const current = childrenOf(parent).findIndex(([k]) => k === key)
    if (current < at) at -= 1
  } else if (childrenOf(parent).some(([k]) => k === key)) return undefined
  return { schema: insertNode(removeNode(schema, from), toParent, at, key, node), path: [...toParent, key] }
}

/** Every key used anywhere in the form (names are kept unique across the whole form). */
export function allKeys(schema: FieldSchema): Set<string> {
  const keys = new Set<string>()
  const walk = (node: FieldSchema) => {
    for (const [key, child] of childrenOf(node)) {
      keys.add(key)
      walk(child)
    }
  }
  walk(schema)
  return keys
}

/** `base` followed by the first number that makes it unused: `input1`, `input2`… */
export function uniqueName(taken: ReadonlySet<string>, base: string): string {
  for (let n = 1; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`
}

/** A copy of a subtree with every key renamed to a fresh one, marking `taken` as it goes. */
function freshCopy(node: FieldSchema, taken: Set<string>): FieldSchema {
  const children = childrenOf(node)
  if (children.length === 0) return node
  return withChildren(
    node,
    children.map(([key, child]) => {
      const name = uniqueName(taken, key.replace(/\d+$/, ''))
      taken.add(name)
      return [name, freshCopy(child, taken)]
    }),
  )
}

/**
 * Pastes a copy of `node` (and everything in it, renamed) at `index` of `parentPath`.
 * Returns the new path.
 */
export function pasteNode(
  schema: FormSchema,
  parentPath: NodePath,
  index: number,
  key: string,
  node: FieldSchema,
): { schema: FormSchema; path: NodePath } {
  const taken = allKeys(schema)
  const name = uniqueName(taken, key.replace(/\d+$/, ''))
  taken.add(name)
  return {
    schema: insertNode(schema, parentPath, index, name, freshCopy(node, taken)),
    path: [...parentPath, name],
  }
}

/** Duplicates the node at `path` right after itself. */
export function copyNode(schema: FormSchema, path: NodePath): { schema: FormSchema; path: NodePath } {
  const node = getNode(schema, path)
  const parentPath = path.slice(0, -1)
  const parent = getNode(schema, parentPath)
  const key = path.at(-1)
  if (!node || !parent || key === undefined) return { schema, path }
  const index = childrenOf(parent).findIndex(([k]) => k === key)
  return pasteNode(schema, parentPath, index + 1, key, node)
}

/** Every node in canvas order (depth-first), for keyboard moves and pickers. */
export function flatten(schema: FormSchema): FlatNode[] {
  const out: FlatNode[] = []
  const walk = (node: FieldSchema, path: NodePath) => {
    for (const [key, child] of childrenOf(node)) {
      const childPath = [...path, key]
      out.push({ path: childPath, node: child, depth: path.length })
      walk(child, childPath)
    }
  }
  walk(schema, [])
  return out
}

/** A value field with its template data path (void keys skipped, sub-table columns `table.col`). */
export interface DataField {
  readonly dataPath: string
  readonly path: NodePath
  readonly node: FieldSchema
  /** The sub-table this field is a column of. */
  readonly table?: string
}

/** The fields holding values, as reactions, computed values and permissions name them. */
export function dataFields(schema: FormSchema): DataField[] {
  const out: DataField[] = []
  const walk = (node: FieldSchema, path: NodePath, prefix: string, table: string | undefined) => {
    for (const [key, child] of childrenOf(node)) {
      const childPath = [...path, key]
      if (child.type === 'void') {
        walk(child, childPath, prefix, table)
        continue
      }
      const dataPath = prefix ? `${prefix}.${key}` : key
      out.push({ dataPath, path: childPath, node: child, ...(table ? { table } : {}) })
      if (isSubTable(child)) walk(child, childPath, dataPath, dataPath)
    }
  }
  walk(schema, [], '', undefined)
  return out
}

/** Where a new node goes: inside the selected container, else after the selected node, else at the end. */
export function insertionPoint(
  schema: FormSchema,
  selected: NodePath | undefined,
  node: FieldSchema,
): { parent: NodePath; index: number } {
  const target = selected && getNode(schema, selected)
  if (selected && target && isContainer(target) && accepts(target, node)) return { parent: selected, index: -1 }
  if (selected && selected.length > 0) {
    const parentPath = selected.slice(0, -1)
    const parent = getNode(schema, parentPath)
    if (parent && accepts(parent, node)) {
      const index = childrenOf(parent).findIndex(([k]) => k === selected.at(-1))
      return { parent: parentPath, index: index + 1 }
    }
  }
  return { parent: [], index: -1 }
}
