import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import { applyDocumentLang, storedLocale } from './locale'

// Hall times are Beijing times wherever the browser is: due dates and working days are Chinese.
const DATETIME_FORMATS = {
  /** 2026/12/01 */
  date: { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Asia/Shanghai' },
  /** 2026/12/01 15:30 */
  long: { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'Asia/Shanghai' },
} as const

/** An app's own strings: top-level namespaces (`home`, `items`…) beside the shared ones. */
export interface AppMessages<T extends object> {
  'zh-CN': T
  en: T
}

/**
 * The i18n plugin of a hall front end: zh-CN by default, English when chosen earlier,
 * shared strings (login, layout, errors) merged with the app's own.
 *
 * @example
 * app.use(createHallI18n({ 'zh-CN': { home: { … } }, en: { home: { … } } }))
 */
export function createHallI18n<T extends object>(appMessages?: AppMessages<T>) {
  const locale = storedLocale()
  applyDocumentLang(locale)
  return createI18n({
    legacy: false,
    datetimeFormats: { 'zh-CN': DATETIME_FORMATS, en: DATETIME_FORMATS },
    locale,
    fallbackLocale: 'zh-CN',
    messages: {
      'zh-CN': { ...zhCN, ...appMessages?.['zh-CN'] },
      en: { ...en, ...appMessages?.en },
    },
  })
}
