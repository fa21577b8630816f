import type { Locale } from '../formats/types'

/** Error codes a client can act on; messages are for people, codes are for programs. */
export const VALIDATION_CODES = {
  REQUIRED: 'REQUIRED',
  TYPE: 'TYPE',
  MINIMUM: 'MINIMUM',
  MAXIMUM: 'MAXIMUM',
  MIN_LENGTH: 'MIN_LENGTH',
  MAX_LENGTH: 'MAX_LENGTH',
  LENGTH: 'LENGTH',
  PATTERN: 'PATTERN',
  FORMAT: 'FORMAT',
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  ENUM: 'ENUM',
  DICTIONARY: 'DICTIONARY',
  DICTIONARY_UNAVAILABLE: 'DICTIONARY_UNAVAILABLE',
  MIN_ITEMS: 'MIN_ITEMS',
  MAX_ITEMS: 'MAX_ITEMS',
  UNKNOWN_FIELD: 'UNKNOWN_FIELD',
  NOT_EDITABLE: 'NOT_EDITABLE',
  COMPUTED_MISMATCH: 'COMPUTED_MISMATCH',
} as const
export type ValidationCode = (typeof VALIDATION_CODES)[keyof typeof VALIDATION_CODES]

/** Values a message may quote; `label` is the field title, or its path when it has none. */
export interface MessageParams {
  readonly label: string
  readonly limit?: number | string
  readonly expected?: string
  readonly format?: string
  readonly dictionary?: string
}

type Template = (p: MessageParams) => string

const ZH: Readonly<Record<ValidationCode, Template>> = {
  REQUIRED: (p) => `“${p.label}”为必填项`,
  TYPE: (p) => `“${p.label}”的值类型不正确，应为${p.expected ?? ''}`,
  MINIMUM: (p) => `“${p.label}”不能小于 ${p.limit}`,
  MAXIMUM: (p) => `“${p.label}”不能大于 ${p.limit}`,
  MIN_LENGTH: (p) => `“${p.label}”至少需要 ${p.limit} 个字符或项`,
  MAX_LENGTH: (p) => `“${p.label}”最多 ${p.limit} 个字符或项`,
  LENGTH: (p) => `“${p.label}”的长度应为 ${p.limit}`,
  PATTERN: (p) => `“${p.label}”的格式不正确`,
  FORMAT: (p) => `“${p.label}”的格式不正确`,
  UNKNOWN_FORMAT: (p) => `“${p.label}”使用了未知的校验格式“${p.format}”`,
  ENUM: (p) => `“${p.label}”的值不在可选范围内`,
  DICTIONARY: (p) => `“${p.label}”的值不在代码表“${p.dictionary}”中`,
  DICTIONARY_UNAVAILABLE: (p) => `无法校验“${p.label}”：未提供代码表“${p.dictionary}”`,
  MIN_ITEMS: (p) => `“${p.label}”至少需要 ${p.limit} 行`,
  MAX_ITEMS: (p) => `“${p.label}”最多 ${p.limit} 行`,
  UNKNOWN_FIELD: (p) => `表单中没有字段“${p.label}”`,
  NOT_EDITABLE: (p) => `当前环节不能修改“${p.label}”`,
  COMPUTED_MISMATCH: (p) => `“${p.label}”是计算字段，应为 ${p.expected ?? ''}`,
}

const EN: Readonly<Record<ValidationCode, Template>> = {
  REQUIRED: (p) => `${p.label} is required`,
  TYPE: (p) => `${p.label} must be ${p.expected ?? 'of another type'}`,
  MINIMUM: (p) => `${p.label} must be at least ${p.limit}`,
  MAXIMUM: (p) => `${p.label} must be at most ${p.limit}`,
  MIN_LENGTH: (p) => `${p.label} needs at least ${p.limit} characters or items`,
  MAX_LENGTH: (p) => `${p.label} takes at most ${p.limit} characters or items`,
  LENGTH: (p) => `${p.label} must have length ${p.limit}`,
  PATTERN: (p) => `${p.label} is not in the expected format`,
  FORMAT: (p) => `${p.label} is not in the expected format`,
  UNKNOWN_FORMAT: (p) => `${p.label} names an unknown format "${p.format}"`,
  ENUM: (p) => `${p.label} is not one of the allowed options`,
  DICTIONARY: (p) => `${p.label} is not a code of the code table "${p.dictionary}"`,
  DICTIONARY_UNAVAILABLE: (p) =>
    `Cannot check ${p.label}: code table "${p.dictionary}" was not supplied`,
  MIN_ITEMS: (p) => `${p.label} needs at least ${p.limit} rows`,
  MAX_ITEMS: (p) => `${p.label} takes at most ${p.limit} rows`,
  UNKNOWN_FIELD: (p) => `The form has no field ${p.label}`,
  NOT_EDITABLE: (p) => `${p.label} cannot be changed at this step`,
  COMPUTED_MISMATCH: (p) => `${p.label} is computed and should be ${p.expected ?? ''}`,
}

const TEMPLATES: Readonly<Record<Locale, Readonly<Record<ValidationCode, Template>>>> = {
  'zh-CN': ZH,
  en: EN,
}

const TYPE_NAMES: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  'zh-CN': {
    string: '文本',
    number: '数字',
    integer: '整数',
    boolean: '是/否',
    object: '对象',
    array: '列表',
    date: '日期（YYYY-MM-DD）',
    datetime: '日期时间',
  },
  en: {
    string: 'text',
    number: 'a number',
    integer: 'a whole number',
    boolean: 'yes/no',
    object: 'an object',
    array: 'a list',
    date: 'a date (YYYY-MM-DD)',
    datetime: 'a date and time',
  },
}

/** The default message of a code in a locale. */
export function messageFor(code: ValidationCode, params: MessageParams, locale: Locale): string {
  return TEMPLATES[locale][code](params)
}

/** A readable name of a schema type for TYPE messages. */
export function typeName(type: string, locale: Locale): string {
  const base = type.endsWith('[]') ? 'array' : type
  return TYPE_NAMES[locale][base] ?? type
}
