import { defineComponent, h } from 'vue'
import { connect, createSchemaField, mapProps } from '@formily/vue'
import {
  Cascader,
  Checkbox,
  DatePicker,
  FormCollapse,
  FormGrid,
  FormItem,
  FormTab,
  Input,
  InputNumber,
  Radio,
  Select,
  Switch,
  TimePicker,
} from '@formily/element-plus'
import Divider from '../components/Divider.vue'
import Money from '../components/Money.vue'
import PickerSelect from '../components/PickerSelect.vue'
import Signature from '../components/Signature.vue'
import StaticText from '../components/StaticText.vue'
import SubTable from '../components/SubTable.vue'
import Upload from '../components/Upload.vue'

/** One remote-search select serves both pickers; only the search function differs. */
function picker(kind: 'user' | 'dept') {
  return defineComponent({
    name: kind === 'user' ? 'UserPicker' : 'DeptPicker',
    inheritAttrs: false,
    setup: (_, { attrs }) => () => h(PickerSelect, { ...attrs, kind }),
  })
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
  Radio,
  Checkbox,
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

export const { SchemaField } = createSchemaField({ components })
