import { joinPath } from './paths'
import type { FieldSchema, FormSchema } from './types'

/** `root` is the form itself; `void` nodes lay out children and hold no value. */
export type NodeKind = 'root' | 'value' | 'object' | 'array' | 'void'

/**
 * A schema node with its paths worked out once, so every feature walks the
 * same structure instead of re-deriving how void layout nodes and sub-table
 * rows affect paths.
 */
export interface SchemaNode {
  readonly key: string
  readonly schema: FieldSchema
  readonly kind: NodeKind
  /** Template data path; void keys are skipped because they hold no value. */
  readonly path: string
  /** Template address; void keys included, so layout nodes are addressable too. */
  readonly address: string
  /** Properties in `x-index` order; for a sub-table, the columns of a row. */
  readonly children: SchemaNode[]
  readonly parent: SchemaNode | undefined
  /** True when the enclosing object lists this key in its `required` array. */
  readonly listedRequired: boolean
}

function kindOf(schema: FieldSchema): NodeKind {
  if (schema.type === 'void') return 'void'
  if (schema.type === 'object' || (schema.type === undefined && schema.properties)) return 'object'
  if (schema.type === 'array') return 'array'
  return 'value'
}

/** Properties sorted by `x-index`, keeping declaration order for ties (Formily's rule). */
function orderedProperties(schema: FieldSchema): [string, FieldSchema][] {
  const entries = Object.entries(schema.properties ?? {})
  return entries
    .map((entry, order) => ({
      entry,
      order,
      index: entry[1]['x-index'] ?? Number.POSITIVE_INFINITY,
    }))
    .sort((a, b) => a.index - b.index || a.order - b.order)
    .map(({ entry }) => entry)
}

function build(
  key: string,
  schema: FieldSchema,
  kind: NodeKind,
  parent: SchemaNode | undefined,
  container: FieldSchema | undefined,
): SchemaNode {
  const path =
    kind === 'void' || parent === undefined ? (parent?.path ?? '') : joinPath(parent.path, key)
  const address = parent === undefined ? '' : joinPath(parent.address, key)
  const listed =
    Array.isArray(container?.required) && (container.required as readonly string[]).includes(key)
  const node: SchemaNode = {
    key,
    schema,
    kind,
    path,
    address,
    children: [],
    parent,
    listedRequired: listed,
  }
  // Children of a void node still belong to the object around it (for `required` lists too).
  const childContainer = kind === 'void' ? container : kind === 'array' ? schema.items : schema
  const source = kind === 'array' ? schema.items : schema
  if (source?.properties) {
    for (const [childKey, child] of orderedProperties(source)) {
      node.children.push(build(childKey, child, kindOf(child), node, childContainer))
    }
  }
  return node
}

/** Builds the node tree of a form. Root path and address are ''. */
export function buildTree(schema: FormSchema): SchemaNode {
  return build('', schema, 'root', undefined, undefined)
}

/** Every node below `node` in document order (pre-order), `node` itself excluded. */
export function descendants(node: SchemaNode): SchemaNode[] {
  return node.children.flatMap((child) => [child, ...descendants(child)])
}

/** The value-holding children of an object, root or sub-table row, looking through void layout nodes. */
export function dataChildren(node: SchemaNode): SchemaNode[] {
  return node.children.flatMap((child) => (child.kind === 'void' ? dataChildren(child) : [child]))
}

/** The nodes around `node`, innermost first, the root excluded. */
export function ancestors(node: SchemaNode): SchemaNode[] {
  const out: SchemaNode[] = []
  for (let n = node.parent; n && n.kind !== 'root'; n = n.parent) out.push(n)
  return out
}

/** Whether the node is a column of a sub-table (it exists once per row). */
export function isInSubTable(node: SchemaNode): boolean {
  return ancestors(node).some((n) => n.kind === 'array')
}
