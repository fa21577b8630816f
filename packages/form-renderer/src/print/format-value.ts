import { toChineseAmount, type EnumItem, type FieldSchema } from '@hall/form-schema'
import type { TreeOption, UploadedFile } from '../context'
import type { Messages } from '../messages'

export interface FormatContext {
  readonly messages: Messages
  readonly dictionaries: Readonly<Record<string, readonly EnumItem[]>>
  readonly optionTrees: Readonly<Record<string, readonly TreeOption[]>>
}

const MONEY = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })

function isEmpty(value: unknown): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    (Array.isArray(value) && value.length === 0)
  )
}

function labelIn(options: readonly EnumItem[] | undefined, value: unknown): string {
  const found = options?.find((item) => (typeof item === 'object' ? item.value : item) === value)
  return typeof found === 'object' ? (found.label ?? String(found.value)) : String(value)
}

/** `['110000', '110100']` → "北京市 / 市辖区": a cascader value as the path of labels. */
function treeLabels(tree: readonly TreeOption[], path: readonly unknown[]): string {
  const labels: string[] = []
  let level: readonly TreeOption[] | undefined = tree
  for (const value of path) {
    const node: TreeOption | undefined = level?.find((option) => option.value === value)
    labels.push(node ? node.label : String(value))
    level = node?.children
  }
  return labels.join(' / ')
}

function options(schema: FieldSchema, context: FormatContext): readonly EnumItem[] | undefined {
  const dictionary = schema['x-dictionary']
  return dictionary ? context.dictionaries[dictionary] : schema.enum
}

/**
 * A value as text for read-only and print views: option labels instead of
 * codes, 是/否, money with its capital amount, file names, date ranges.
 */
export function formatValue(schema: FieldSchema, value: unknown, context: FormatContext): string {
  const { messages } = context
  if (isEmpty(value)) return messages.empty
  const component = schema['x-component']
  if (component === 'Money' && typeof value === 'number')
    return `¥${MONEY.format(value)}（${toChineseAmount(value)}）`
  if (component === 'Upload' && Array.isArray(value))
    return (value as UploadedFile[]).map((f) => f.name).join('、')
  if (component === 'DateRangePicker' && Array.isArray(value))
    return value.join(` ${messages.rangeSeparator} `)
  const tree = schema['x-component-props']?.['optionTree']
  if (component === 'Cascader' && Array.isArray(value) && typeof tree === 'string')
    return treeLabels(context.optionTrees[tree] ?? [], value)
  if (typeof value === 'boolean') return value ? messages.yes : messages.no
  const list = options(schema, context)
  if (Array.isArray(value))
    return value.map((v) => (list ? labelIn(list, v) : String(v))).join('、')
  if (list) return labelIn(list, value)
  if (typeof value === 'object') return JSON.stringify(value)
  return String(value)
}
