/**
 * Components the hall renderer provides (Formily + our own). A schema naming
 * anything else would render a blank, so lint rejects it. Extend per unit via
 * `LintCatalog.components`.
 */
export const SUPPORTED_COMPONENTS = [
  'Input',
  'Input.TextArea',
  'NumberPicker',
  'Money',
  'Select',
  'Radio.Group',
  'Checkbox.Group',
  'Switch',
  'DatePicker',
  'DateRangePicker',
  'TimePicker',
  'Cascader',
  'UserPicker',
  'DeptPicker',
  'Upload',
  'ArrayTable',
  'FormGrid',
  'FormTab',
  'FormTab.TabPane',
  'FormCollapse',
  'FormCollapse.CollapsePanel',
  'FormItem',
  'Divider',
  'StaticText',
  'Signature',
] as const
export type SupportedComponent = (typeof SUPPORTED_COMPONENTS)[number]

/** Components whose value is a list of files, the only ones that can satisfy a checklist material. */
export const UPLOAD_COMPONENTS: readonly string[] = ['Upload']
