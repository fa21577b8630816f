import type { EnumItem, FieldSchema, FormSchema } from '@hall/form-schema'
import type { TreeOption } from '../context'
import { COMPONENT_ALIASES } from './components'

/**
 * Keys `validate` from @hall/form-schema owns. Formily would check them too, with
 * other messages and other rules (its id-card regex is not GB 11643), so the
 * Formily copy drops them and every error shown is the server's verdict.
 */
const VALIDATION_KEYS = [
  'required',
  'x-validator',
  'format',
  'pattern',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
] as const

/** Hall extensions Formily does not know; the renderer reads them from the original schema. */
const HALL_KEYS = [
  'x-prefill',
  'x-collect',
  'x-dictionary',
  'x-material',
  'x-sensitive',
  'x-computed',
] as const

/** A component for fields the designer left without one, so no value is silently unrendered. */
const DEFAULT_COMPONENTS: Readonly<Record<string, string>> = {
  string: 'Input',
  number: 'NumberPicker',
  integer: 'NumberPicker',
  boolean: 'Switch',
  date: 'DatePicker',
  datetime: 'DatePicker',
  'string[]': 'Checkbox.Group',
  'number[]': 'Checkbox.Group',
}

export interface FormilySchemaOptions {
  readonly dictionaries: Readonly<Record<string, readonly EnumItem[]>>
  readonly optionTrees: Readonly<Record<string, readonly TreeOption[]>>
}

type Json = Record<string, unknown>

function componentOf(schema: FieldSchema): string | undefined {
  const named = schema['x-component']
  if (named) return named
  if (schema.type === 'array' && schema.items?.properties) return 'ArrayTable'
  return schema.type ? DEFAULT_COMPONENTS[schema.type] : undefined
}

/** Props a component needs that the schema implies (date kinds, pane labels, option lists). */
function impliedProps(schema: FieldSchema, component: string | undefined): Json {
  switch (component) {
    case 'DatePicker':
      return schema.type === 'datetime' ? { type: 'datetime' } : {}
    case 'TimePicker':
      // Element Plus hands out Date objects unless told a format; the schema stores text.
      return { valueFormat: 'HH:mm:ss' }
    case 'FormTab.TabPane':
      return { label: schema.title }
    case 'FormCollapse.CollapsePanel':
      return { title: schema.title }
    case 'Select':
      // A persistent dropdown is mounted (and measured) with every select; mount it on first open.
      return { clearable: true, filterable: true, persistent: false }
    default:
      return {}
  }
}

/** Options of the field: a code table, a tree from the host (cascader), or the schema's own enum. */
function optionsOf(
  schema: FieldSchema,
  component: string | undefined,
  options: FormilySchemaOptions,
): unknown {
  const tree = schema['x-component-props']?.['optionTree']
  if (component === 'Cascader' && typeof tree === 'string') return options.optionTrees[tree] ?? []
  const dictionary = schema['x-dictionary']
  if (dictionary) return options.dictionaries[dictionary] ?? []
  return schema.enum
}

function withoutDeclarative(reactions: FieldSchema['x-reactions']): unknown {
  if (reactions === undefined) return undefined
  // Ours have an object `when` and a `then`; Formily's own (strings, `fulfill`) pass through.
  const isOurs = (r: unknown) => typeof r === 'object' && r !== null && 'then' in r && 'when' in r
  const list = (Array.isArray(reactions) ? reactions : [reactions]).filter((r) => !isOurs(r))
  return list.length > 0 ? list : undefined
}

function convert(schema: FieldSchema, inRow: boolean, options: FormilySchemaOptions): Json {
  const out: Json = { ...schema }
  for (const key of [...VALIDATION_KEYS, ...HALL_KEYS]) delete out[key]
  const component = componentOf(schema)
  if (component) out['x-component'] = COMPONENT_ALIASES[component] ?? component
  out['x-component-props'] = { ...impliedProps(schema, component), ...schema['x-component-props'] }
  const enumOptions = optionsOf(schema, component, options)
  if (enumOptions === undefined) delete out['enum']
  else out['enum'] = enumOptions
  const reactions = withoutDeclarative(schema['x-reactions'])
  if (reactions === undefined) delete out['x-reactions']
  else out['x-reactions'] = reactions
  // Sub-table cells are drawn by our SubTable, not by Formily, so they need no FormItem.
  if (schema.type !== 'void' && !inRow && !schema['x-decorator']) out['x-decorator'] = 'FormItem'
  // Computed values are the form's to decide; typing into them would only earn COMPUTED_MISMATCH.
  if (schema['x-computed'] !== undefined && (schema['x-pattern'] ?? 'editable') === 'editable')
    out['x-pattern'] = 'readOnly'
  if (schema.properties) {
    out['properties'] = Object.fromEntries(
      Object.entries(schema.properties).map(([key, child]) => [
        key,
        convert(child, inRow, options),
      ]),
    )
  }
  if (schema.items) out['items'] = convert(schema.items, true, options)
  return out
}

/**
 * The Formily JSON Schema to render: validation keys and declarative reactions
 * removed (HallForm applies those through @hall/form-schema), FormItem added
 * around fields, options resolved from the host's code tables.
 */
export function toFormilySchema(schema: FormSchema, options: FormilySchemaOptions): Json {
  return convert({ ...schema, type: 'object' }, false, options)
}
