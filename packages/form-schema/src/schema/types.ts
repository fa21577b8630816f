import type { Reaction } from '../reactions/types'

/** Value types of Formily JSON Schema; `void` nodes lay out children but hold no value. */
export const SCHEMA_TYPES = [
  'string',
  'number',
  'integer',
  'boolean',
  'object',
  'array',
  'void',
  'date',
  'datetime',
] as const
export type SchemaType = (typeof SCHEMA_TYPES)[number] | `${'string' | 'number' | 'boolean'}[]`

/** Kinds of personal data masked for viewers who do not need them (DOMAIN.md §9). */
export const SENSITIVE_KINDS = ['idCard', 'phone', 'name', 'bankCard', 'address'] as const
export type SensitiveKind = (typeof SENSITIVE_KINDS)[number]

/** An option of `enum` or of a dictionary (code table). Plain primitives are shorthand for `{ label, value }`. */
export interface EnumOption {
  readonly label?: string
  readonly value: string | number | boolean
}
export type EnumItem = string | number | boolean | EnumOption

/**
 * One rule of `x-validator` in Formily's object form. `format` names a format of
 * `FORMATS` (or an alias), `message` replaces the default message of every
 * failure this rule reports.
 */
export interface ValidatorRule {
  readonly required?: boolean
  readonly format?: string
  readonly pattern?: string
  readonly min?: number
  readonly max?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly len?: number
  readonly enum?: readonly EnumItem[]
  readonly message?: string
  /** Formily's own trigger hint for the renderer; ignored by `validate`. */
  readonly triggerType?: string
}

/** `x-validator`: a format name, one rule, or a list mixing both. */
export type XValidator = string | ValidatorRule | readonly (string | ValidatorRule)[]

/**
 * Where a value comes from before the applicant types anything:
 * `dc:<path>` data center, `user:<attribute>` signed-in user, `now:date` / `now:datetime` / `now:year`,
 * `field:<path>` another field, or `=<FEEL>` an expression over the form data.
 */
export type PrefillSource =
  `dc:${string}` | `user:${string}` | `now:${string}` | `field:${string}` | `=${string}`

/**
 * A computed value. `sum` adds a column of a sub-table (`items.amount`);
 * `daysBetween` counts calendar days from the first date field to the second
 * (`inclusive` adds the last day, as leave forms count); a string starting with
 * `=` is a FEEL expression over the form data (sub-table rows see their row as `row`).
 */
export type Computed =
  | { readonly sum: string }
  | { readonly daysBetween: readonly [string, string]; readonly inclusive?: boolean }
  | `=${string}`

/**
 * A node of the form: a field with a value, an object or array of fields, or a
 * void layout node (FormGrid, FormTab, FormCollapse…). Unknown `x-` keys are
 * rejected by `parseFormSchema`, so every key a form may carry is named here.
 */
export interface FieldSchema {
  readonly type?: SchemaType
  readonly title?: string
  readonly description?: string
  readonly default?: unknown
  readonly properties?: Readonly<Record<string, FieldSchema>>
  /** JSON Schema style on objects (names of required children) or Formily style on a field. */
  readonly required?: boolean | readonly string[]
  readonly items?: FieldSchema
  readonly enum?: readonly EnumItem[]
  readonly format?: string
  readonly pattern?: string
  readonly minimum?: number
  readonly maximum?: number
  readonly exclusiveMinimum?: number
  readonly exclusiveMaximum?: number
  readonly minLength?: number
  readonly maxLength?: number
  readonly minItems?: number
  readonly maxItems?: number
  readonly 'x-component'?: string
  readonly 'x-component-props'?: Readonly<Record<string, unknown>>
  readonly 'x-decorator'?: string
  readonly 'x-decorator-props'?: Readonly<Record<string, unknown>>
  readonly 'x-validator'?: XValidator
  /** Declarative reactions (re-checked on the server) and Formily reactions (renderer only). */
  readonly 'x-reactions'?: Reaction | string | readonly (Reaction | string)[]
  readonly 'x-index'?: number
  readonly 'x-display'?: 'visible' | 'hidden' | 'none'
  readonly 'x-pattern'?: 'editable' | 'disabled' | 'readOnly' | 'readPretty'
  readonly 'x-visible'?: boolean
  readonly 'x-hidden'?: boolean
  readonly 'x-disabled'?: boolean
  readonly 'x-read-only'?: boolean
  readonly 'x-read-pretty'?: boolean
  readonly 'x-editable'?: boolean
  readonly 'x-content'?: unknown
  readonly 'x-data'?: unknown
  /** Added by the designer (designable) to track nodes; carried, never interpreted. */
  readonly 'x-designable-id'?: string
  readonly 'x-prefill'?: PrefillSource
  /** Where the submitted value is written back: `dc:<table>.<column>` or a named target. */
  readonly 'x-collect'?: string
  /** Code table id (数据标准) whose codes are the allowed values. */
  readonly 'x-dictionary'?: string
  /** Materials-checklist entry id of the item this upload satisfies. */
  readonly 'x-material'?: string
  readonly 'x-sensitive'?: SensitiveKind
  readonly 'x-computed'?: Computed
}

/** A whole form: an object schema at the root. */
export interface FormSchema extends FieldSchema {
  readonly type?: 'object'
  readonly properties?: Readonly<Record<string, FieldSchema>>
}

/**
 * Form data as submitted: field name → value, nested for objects and sub-tables.
 * (Not called FormData, which is the browser's multipart type.)
 */
export type FormValues = Readonly<Record<string, unknown>>
