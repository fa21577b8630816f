import type { Schema } from '@formily/vue'

/** What a cell editor needs to know about its column. */
export interface Column {
  readonly key: string
  readonly title: string
  readonly editor: CellEditor
  readonly options: readonly { readonly label: string; readonly value: string | number | boolean }[]
  readonly width: number
  /** Read-only for this step (a permission or the schema's `x-pattern`). */
  readonly locked: boolean
  readonly default?: unknown
}

/** Cells are native controls: 2,500 Element Plus inputs cost seconds, 2,500 `<input>`s a few milliseconds. */
export type CellEditor = 'text' | 'number' | 'select' | 'date' | 'datetime' | 'time' | 'checkbox'

const EDITORS: Readonly<Record<string, CellEditor>> = {
  NumberPicker: 'number',
  Money: 'number',
  Select: 'select',
  'Radio.Group': 'select',
  Switch: 'checkbox',
  DatePicker: 'date',
  TimePicker: 'time',
}

function editorOf(schema: Schema): CellEditor {
  const named = EDITORS[String(schema['x-component'] ?? '')]
  if (named === 'date' && schema.type === 'datetime') return 'datetime'
  if (named) return named
  if (schema.enum) return 'select'
  if (schema.type === 'number' || schema.type === 'integer') return 'number'
  if (schema.type === 'boolean') return 'checkbox'
  if (schema.type === 'date') return 'date'
  return 'text'
}

function optionsOf(schema: Schema): Column['options'] {
  return (schema.enum ?? []).map((item: unknown) => {
    if (typeof item === 'object' && item !== null && 'value' in item) {
      const { label, value } = item as { label?: string; value: string | number | boolean }
      return { label: label ?? String(value), value }
    }
    const value = item as string | number | boolean
    return { label: String(value), value }
  })
}

/** The columns of a sub-table, in `x-index` order (Formily's `mapProperties` sorts by it); columns a step hides are left out. */
export function columnsOf(items: Schema | Schema[] | undefined): Column[] {
  const row = Array.isArray(items) ? items[0] : items
  if (!row) return []
  const shown = row
    .mapProperties((schema, key) => ({ schema, key }))
    .filter(({ schema }) => schema['x-display'] !== 'none')
  return shown.map(({ schema, key }) => {
    const pattern = schema['x-pattern']
    const width = schema['x-component-props']?.['width']
    return {
      key: String(key),
      title: schema.title === undefined ? String(key) : String(schema.title),
      editor: editorOf(schema),
      options: optionsOf(schema),
      width: typeof width === 'number' ? width : 140,
      locked: pattern !== undefined && pattern !== 'editable',
      default: schema.default,
    }
  })
}

/** A cell's text → the typed value `validate` expects ("12" is not a number there). */
export function parseCell(column: Column, raw: string | boolean): unknown {
  if (typeof raw === 'boolean') return raw
  if (raw === '') return undefined
  switch (column.editor) {
    case 'number': {
      const n = Number(raw)
      return Number.isFinite(n) ? n : raw
    }
    case 'select':
      return column.options.find((o) => String(o.value) === raw)?.value ?? raw
    case 'datetime':
      // <input type="datetime-local"> gives 2026-11-23T09:30; the schema stores "YYYY-MM-DD HH:mm:ss".
      return raw.length === 16 ? `${raw.replace('T', ' ')}:00` : raw.replace('T', ' ')
    default:
      return raw
  }
}

/** The typed value → what the native control shows. */
export function showCell(column: Column, value: unknown): string {
  if (value === undefined || value === null) return ''
  if (column.editor === 'datetime' && typeof value === 'string')
    return value.replace(' ', 'T').slice(0, 16)
  return String(value)
}
