import type { FieldSchema, FieldStates, FormValues } from '@hall/form-schema'
import { formatValue, type FormatContext } from './format-value'

/** A piece of the printed form, in reading order. */
export type PrintBlock =
  | { readonly kind: 'section'; readonly title: string }
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'field'
      readonly path: string
      readonly label: string
      readonly text: string
      readonly wide: boolean
    }
  | {
      readonly kind: 'image'
      readonly path: string
      readonly label: string
      readonly src: string | undefined
    }
  | {
      readonly kind: 'table'
      readonly path: string
      readonly label: string
      readonly columns: readonly string[]
      readonly rows: readonly (readonly string[])[]
    }

/** Fields whose value needs a whole line (long text, file lists). */
const WIDE = new Set(['Input.TextArea', 'Upload', 'StaticText'])

/** Children in `x-index` order, as Formily lays them out. */
export function orderedProperties(schema: FieldSchema): [string, FieldSchema][] {
  return Object.entries(schema.properties ?? {})
    .map((entry, i) => ({ entry, order: entry[1]['x-index'] ?? Number.MAX_SAFE_INTEGER, i }))
    .sort((a, b) => a.order - b.order || a.i - b.i)
    .map(({ entry }) => entry)
}

function valueAt(values: unknown, key: string): unknown {
  return typeof values === 'object' && values !== null
    ? (values as Record<string, unknown>)[key]
    : undefined
}

interface Walk {
  readonly states: FieldStates
  readonly format: FormatContext
  readonly out: PrintBlock[]
}

function table(walk: Walk, schema: FieldSchema, rows: unknown, path: string): PrintBlock {
  const columns = orderedProperties(schema.items ?? {})
  const list = Array.isArray(rows) ? rows : []
  return {
    kind: 'table',
    path,
    label: schema.title ?? path,
    columns: columns.map(([key, column]) => column.title ?? key),
    rows: list.map((row, i) =>
      columns.map(([key, column]) =>
        walk.states[`${path}[${i}].${key}`]?.visible === false
          ? ''
          : formatValue(column, valueAt(row, key), walk.format),
      ),
    ),
  }
}

function visit(
  walk: Walk,
  key: string,
  schema: FieldSchema,
  values: unknown,
  dataPrefix: string,
  addressPrefix: string,
): void {
  const address = addressPrefix ? `${addressPrefix}.${key}` : key
  const path = schema.type === 'void' ? dataPrefix : dataPrefix ? `${dataPrefix}.${key}` : key
  const state = walk.states[schema.type === 'void' ? address : path]
  // The evaluated state already folds `x-display` and reactions together; a reaction may reveal a `none` field.
  if (state ? !state.visible : schema['x-display'] === 'none') return
  const component = schema['x-component']
  if (schema.type === 'void') {
    if (component === 'StaticText') {
      const content = schema['x-content'] ?? schema['x-component-props']?.['content']
      if (typeof content === 'string') walk.out.push({ kind: 'text', text: content })
      return
    }
    if (schema.title) walk.out.push({ kind: 'section', title: schema.title })
    for (const [childKey, child] of orderedProperties(schema))
      visit(walk, childKey, child, values, dataPrefix, address)
    return
  }
  const value = valueAt(values, key)
  if (schema.type === 'array' && schema.items?.properties) {
    walk.out.push(table(walk, schema, value, path))
    return
  }
  if (schema.type === 'object' && schema.properties) {
    if (schema.title) walk.out.push({ kind: 'section', title: schema.title })
    for (const [childKey, child] of orderedProperties(schema))
      visit(walk, childKey, child, value, path, address)
    return
  }
  const label = schema.title ?? key
  if (component === 'Signature') {
    walk.out.push({
      kind: 'image',
      path,
      label,
      src: typeof value === 'string' ? value : undefined,
    })
    return
  }
  walk.out.push({
    kind: 'field',
    path,
    label,
    text: formatValue(schema, value, walk.format),
    wide: WIDE.has(component ?? ''),
  })
}

/**
 * The filled form as print blocks: sections for titled layout nodes, one
 * block per visible field, sub-tables as tables. Fields hidden by reactions or
 * permissions are left out; `values` should already be masked.
 */
export function printBlocks(
  schema: FieldSchema,
  values: FormValues,
  states: FieldStates,
  format: FormatContext,
): PrintBlock[] {
  const walk: Walk = { states, format, out: [] }
  for (const [key, child] of orderedProperties(schema)) visit(walk, key, child, values, '', '')
  return walk.out
}

/** A line of the two-column print table: a section, a full-width block, or up to two fields side by side. */
export type PrintLine =
  | { readonly kind: 'single'; readonly block: PrintBlock }
  | { readonly kind: 'pair'; readonly blocks: readonly Extract<PrintBlock, { kind: 'field' }>[] }

/** Pairs consecutive short fields so the print is two label/value columns wide. */
export function printLines(blocks: readonly PrintBlock[]): PrintLine[] {
  const lines: PrintLine[] = []
  let pending: Extract<PrintBlock, { kind: 'field' }> | undefined
  const flush = () => {
    if (pending) lines.push({ kind: 'pair', blocks: [pending] })
    pending = undefined
  }
  for (const block of blocks) {
    if (block.kind === 'field' && !block.wide) {
      if (pending) {
        lines.push({ kind: 'pair', blocks: [pending, block] })
        pending = undefined
      } else pending = block
      continue
    }
    flush()
    lines.push({ kind: 'single', block })
  }
  flush()
  return lines
}
