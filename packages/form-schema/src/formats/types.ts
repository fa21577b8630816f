/** Locales every user-facing message is written in; zh-CN is the default. */
export const LOCALES = ['zh-CN', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/**
 * Maps any language tag (`en-US`, `zh`, an Accept-Language value) to a
 * supported locale: English for `en…`, Chinese otherwise.
 */
export function toLocale(tag: string | undefined): Locale {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'zh-CN'
}

/** Outcome of a format check; `reason` selects the message so users learn what to fix. */
export type FormatCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string }

/** What a format check may need beyond the value (the clock, so the verdict is reproducible in tests). */
export interface FormatOptions {
  readonly now?: Date
  /** Zone whose calendar decides "today"; Asia/Shanghai by default. */
  readonly timeZone?: string
}

/**
 * One national or contact format. Adding a format = one file exporting this
 * shape and one line in `formats/index.ts`.
 */
export interface FormatDefinition {
  readonly name: string
  readonly check: (value: string, options?: FormatOptions) => FormatCheck
  /** Messages per locale, keyed by `reason`; `invalid` is the fallback. */
  readonly messages: Readonly<Record<Locale, Readonly<Record<string, string>>>>
}

export const OK: FormatCheck = { ok: true }

export function fail(reason: string): FormatCheck {
  return { ok: false, reason }
}
