import { h, type Component, type FunctionalComponent } from 'vue'
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
import LazyPicker from '../components/LazyPicker.vue'
import OptionGroup from '../components/OptionGroup.vue'
import Money from '../components/Money.vue'
import PickerSelect from '../components/PickerSelect.vue'
import Signature from '../components/Signature.vue'
import StaticText from '../components/StaticText.vue'
import SubTable from '../components/SubTable.vue'
import Upload from '../components/Upload.vue'

/** `component` with some props fixed: one component serves several schema names (user and department pickers…). */
function bound(component: Component, fixed: Record<string, unknown>): FunctionalComponent {
  return Object.assign(
    (_: unknown, { attrs }: { attrs: Record<string, unknown> }) =>
      h(component, { ...attrs, ...fixed }),
    { inheritAttrs: false },
  )
}

/** Radio and checkbox groups share one component; options come from the field's data source. */
function optionGroup(kind: 'radio' | 'checkbox') {
  return { Group: connect(bound(OptionGroup, { kind }), mapProps({ dataSource: 'options' })) }
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
  DatePicker: bound(LazyPicker, { picker: DatePicker }),
  DateRangePicker: bound(LazyPicker, {
    picker: connect(
      DatePicker,
      mapProps((props) => ({ type: 'daterange', ...props })),
    ),
  }),
  TimePicker: bound(LazyPicker, { picker: TimePicker }),
  Cascader,
  UserPicker: bound(PickerSelect, { kind: 'user' }),
  DeptPicker: bound(PickerSelect, { kind: 'dept' }),
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
