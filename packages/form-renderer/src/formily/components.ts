import { h, type FunctionalComponent } from 'vue'
import { connect, createSchemaField, mapProps } from '@formily/vue'
import {
  Cascader,
  DatePicker,
  FormCollapse,
  FormItem,
  FormTab,
  Input,
  InputNumber,
  Select,
  Switch,
  TimePicker,
} from '@formily/element-plus'
import Divider from '../components/Divider.vue'
import FormGrid from '../components/FormGrid.vue'
import OptionGroup from '../components/OptionGroup.vue'
import Money from '../components/Money.vue'
import PickerSelect from '../components/PickerSelect.vue'
import Signature from '../components/Signature.vue'
import StaticText from '../components/StaticText.vue'
import SubTable from '../components/SubTable.vue'
import Upload from '../components/Upload.vue'

/** One remote-search select serves both pickers; only the search function differs. */
function picker(kind: 'user' | 'dept'): FunctionalComponent {
  return Object.assign((_: unknown, { attrs }: { attrs: Record<string, unknown> }) => h(PickerSelect, { ...attrs, kind }), { inheritAttrs: false })
}

/** Radio and checkbox groups share one component; options come from the field's data source. */
function optionGroup(kind: 'radio' | 'checkbox') {
  const group: FunctionalComponent = Object.assign(
    (_: unknown, { attrs }: { attrs: Record<string, unknown> }) => h(OptionGroup, { ...attrs, kind }),
    { inheritAttrs: false },
  )
  return { Group: connect(group, mapProps({ dataSource: 'options' })) }
}

/**
 * Components by the names of `SUPPORTED_COMPONENTS` (dotted names resolve as
 * paths: `Input.TextArea`, `FormTab.TabPane`). Formily's Element Plus set where
 * it fits; our own for money, pickers, uploads, signatures and the sub-table.
 */
export const components = {
  FormItem,
  Input,
  NumberPicker: InputNumber,
  Money,
  Select,
  Radio: optionGroup('radio'),
  Checkbox: optionGroup('checkbox'),
  Switch,
  DatePicker,
  DateRangePicker: connect(DatePicker, mapProps((props) => ({ type: 'daterange', ...props }))),
  TimePicker,
  Cascader,
  UserPicker: picker('user'),
  DeptPicker: picker('dept'),
  Upload,
  ArrayTable: SubTable,
  FormGrid,
  FormTab,
  FormCollapse,
  Divider,
  StaticText,
  Signature,
}

/** Schema names that Formily's components look up by another name (FormCollapse finds its panels by `FormCollapse.Item`). */
export const COMPONENT_ALIASES: Readonly<Record<string, string>> = {
  'FormCollapse.CollapsePanel': 'FormCollapse.Item',
}

export const { SchemaField } = createSchemaField({ components })
