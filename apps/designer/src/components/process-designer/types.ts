/** A field of the item's form, as the process designer needs it (conditions, permissions, assignees). */
export interface FormFieldInfo {
  path: string
  label: string
  type: 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object'
  options?: { value: string | number | boolean; label: string }[]
}

/** One entry of the live problems list; `elementId` selects the element when clicked. */
export interface Problem {
  elementId?: string
  message: string
  severity: 'error' | 'warning'
  /** The lint rule that found it, for experts (e.g. `bpmnlint/no-implicit-end`); ours and the engine's have none. */
  rule?: string
}
