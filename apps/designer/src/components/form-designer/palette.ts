import type { FieldSchema } from '@hall/form-schema'

/** Palette groups in display order. */
export const PALETTE_GROUPS = ['input', 'choice', 'time', 'org', 'layout'] as const
export type PaletteGroup = (typeof PALETTE_GROUPS)[number]

/**
 * One palette entry: a renderer component with the schema a fresh node starts from. `name` is
 * the base of generated keys (`input1`); `title` is filled in with the entry's label when added.
 */
export interface PaletteEntry {
  readonly id: string
  readonly group: PaletteGroup
  readonly name: string
  readonly schema: FieldSchema
}

const field = (id: string, group: PaletteGroup, name: string, schema: FieldSchema): PaletteEntry => ({
  id,
  group,
  name,
  schema,
})

const pane = (component: string, titleProp: string, title: string): FieldSchema => ({
  type: 'void',
  'x-component': component,
  'x-component-props': { [titleProp]: title },
  properties: {},
})

/** The renderer's components (every name of `SUPPORTED_COMPONENTS` except the implicit `FormItem`). */
export const PALETTE: readonly PaletteEntry[] = [
  field('input', 'input', 'input', { type: 'string', 'x-component': 'Input' }),
  field('textarea', 'input', 'text', { type: 'string', 'x-component': 'Input.TextArea' }),
  field('number', 'input', 'number', { type: 'number', 'x-component': 'NumberPicker' }),
  field('money', 'input', 'amount', { type: 'number', 'x-component': 'Money' }),
  field('select', 'choice', 'select', {
    type: 'string',
    'x-component': 'Select',
    enum: [
      { label: '选项1', value: '1' },
      { label: '选项2', value: '2' },
    ],
  }),
  field('radio', 'choice', 'radio', {
    type: 'string',
    'x-component': 'Radio.Group',
    enum: [
      { label: '是', value: 'yes' },
      { label: '否', value: 'no' },
    ],
  }),
  field('checkbox', 'choice', 'checks', {
    type: 'string[]',
    'x-component': 'Checkbox.Group',
    enum: [
      { label: '选项1', value: '1' },
      { label: '选项2', value: '2' },
    ],
  }),
  field('switch', 'choice', 'flag', { type: 'boolean', 'x-component': 'Switch' }),
  field('cascader', 'choice', 'region', { type: 'string[]', 'x-component': 'Cascader' }),
  field('date', 'time', 'date', { type: 'date', 'x-component': 'DatePicker' }),
  field('dateRange', 'time', 'period', { type: 'string[]', 'x-component': 'DateRangePicker' }),
  field('time', 'time', 'time', { type: 'string', 'x-component': 'TimePicker' }),
  field('user', 'org', 'user', { type: 'string', 'x-component': 'UserPicker' }),
  field('dept', 'org', 'dept', { type: 'string', 'x-component': 'DeptPicker' }),
  field('upload', 'org', 'file', { type: 'array', 'x-component': 'Upload' }),
  field('signature', 'org', 'signature', { type: 'string', 'x-component': 'Signature' }),
  field('subTable', 'layout', 'table', {
    type: 'array',
    'x-component': 'ArrayTable',
    items: { type: 'object', properties: {} },
  }),
  field('grid', 'layout', 'grid', {
    type: 'void',
    'x-component': 'FormGrid',
    'x-component-props': { maxColumns: 2 },
    properties: {},
  }),
  field('tabs', 'layout', 'tabs', {
    type: 'void',
    'x-component': 'FormTab',
    properties: { tab: pane('FormTab.TabPane', 'tab', '标签页') },
  }),
  field('collapse', 'layout', 'collapse', {
    type: 'void',
    'x-component': 'FormCollapse',
    properties: { panel: pane('FormCollapse.CollapsePanel', 'header', '分组') },
  }),
  field('divider', 'layout', 'divider', { type: 'void', 'x-component': 'Divider' }),
  field('staticText', 'layout', 'note', { type: 'void', 'x-component': 'StaticText', 'x-content': '说明文字' }),
]

/** The new pane a tabs or collapse node gets when the designer adds one. */
export function newPane(component: string, title: string): FieldSchema {
  return component === 'FormTab.TabPane'
    ? pane(component, 'tab', title)
    : pane(component, 'header', title)
}

/** Whether a node with this component holds no value and needs no title (divider, static text). */
export const isDecoration = (component: string | undefined) =>
  component === 'Divider' || component === 'StaticText'

/** The palette entry a node was made from, found by its component. */
export function entryOf(node: FieldSchema): PaletteEntry | undefined {
  return PALETTE.find((entry) => entry.schema['x-component'] === node['x-component'])
}
