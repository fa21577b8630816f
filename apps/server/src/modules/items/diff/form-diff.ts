import type { FieldSchema, FormSchema } from '@hall/form-schema'
import { formFields } from '../form-fields'
import { changedProperties, type ChangeKind, type PropertyChange } from './change'

/** One form field that was added, removed or changed, with the properties that differ. */
export interface FormChange {
  path: string
  label: string
  change: ChangeKind
  properties: PropertyChange[]
}

const LABELS: Record<string, string> = {
  title: '标题', type: '类型', required: '必填', 'x-component': '组件', 'x-validator': '校验规则', enum: '选项',
  'x-dictionary': '字典', default: '默认值', description: '说明', 'x-prefill': '预填来源', 'x-collect': '回写目标',
  'x-material': '对应材料', 'x-reactions': '联动', 'x-computed': '计算', 'x-component-props': '组件属性',
  'x-decorator-props': '布局', 'x-sensitive': '敏感信息', 'x-display': '显示', 'x-pattern': '模式', 'x-index': '顺序',
}

const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value))

/** A field's own properties as text; children are fields of their own. */
function properties(schema: FieldSchema, required: boolean): Record<string, string> {
  const props: Record<string, string> = {}
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' || key === 'items' || key === 'required' || value === undefined) continue
    props[key] = text(value)
  }
  if (required) props.required = '是'
  return props
}

/**
 * What changed in the form between two versions, by field data path: added and removed fields,
 * and for changed ones which properties (label, type, required, validators, options…) differ.
 */
export function diffForm(before: FormSchema, after: FormSchema): FormChange[] {
  const old = new Map(formFields(before).map((f) => [f.path, f]))
  const next = new Map(formFields(after).map((f) => [f.path, f]))
  const changes: FormChange[] = []
  for (const [path, field] of old) {
    if (!next.has(path)) changes.push({ path, label: field.schema.title ?? path, change: 'removed', properties: [] })
  }
  for (const [path, field] of next) {
    const previous = old.get(path)
    const label = field.schema.title ?? previous?.schema.title ?? path
    if (!previous) {
      changes.push({ path, label, change: 'added', properties: changedProperties({}, properties(field.schema, field.required), (k) => LABELS[k] ?? k) })
      continue
    }
    const differing = changedProperties(properties(previous.schema, previous.required), properties(field.schema, field.required), (k) => LABELS[k] ?? k)
    if (differing.length) changes.push({ path, label, change: 'changed', properties: differing })
  }
  return changes
}
