import type { FieldSchema } from '@hall/form-schema'

/** Patches of nested keys (`x-component-props`, `x-decorator-props`) the property panel edits. */

type Bag = Readonly<Record<string, unknown>>

/** The bag with `name` set (or removed for undefined/''); undefined when nothing is left. */
function withEntry(bag: Bag | undefined, name: string, value: unknown): Bag | undefined {
  const next: Record<string, unknown> = { ...bag }
  if (value === undefined || value === '') delete next[name]
  else next[name] = value
  return Object.keys(next).length > 0 ? next : undefined
}

export function componentProp(node: FieldSchema, name: string): unknown {
  return node['x-component-props']?.[name]
}

/** A patch setting one component prop (placeholder, maxColumns, tab title…). */
export function componentPropPatch(node: FieldSchema, name: string, value: unknown) {
  return { 'x-component-props': withEntry(node['x-component-props'], name, value) }
}

/** Columns a field spans in a grid, read from its FormItem's CSS (`grid-column: span 2`). */
export function spanOf(node: FieldSchema): number {
  const style = node['x-decorator-props']?.['style'] as { gridColumn?: string } | undefined
  const match = /^span (\d+)$/.exec(style?.gridColumn ?? '')
  return match ? Number(match[1]) : 1
}

/** A patch making the field span `span` grid columns (1 removes the setting). */
export function spanPatch(node: FieldSchema, span: number) {
  const style = span > 1 ? { gridColumn: `span ${span}` } : undefined
  return { 'x-decorator-props': withEntry(node['x-decorator-props'], 'style', style) }
}

/** Whether the field holds one value a designer may give a default for, and how to read typed text. */
export function defaultKind(node: FieldSchema): 'text' | 'number' | 'boolean' | undefined {
  if (node.type === 'number' || node.type === 'integer') return 'number'
  if (node.type === 'boolean') return 'boolean'
  if (node.type === 'string' || node.type === 'date' || node.type === 'datetime') return 'text'
  return undefined
}
