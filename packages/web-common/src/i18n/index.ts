import { createI18n } from 'vue-i18n'
import en from './en'
import zhCN from './zh-CN'
import { applyDocumentLang, storedLocale } from './locale'

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
    locale,
    fallbackLocale: 'zh-CN',
    messages: {
      'zh-CN': { ...zhCN, ...appMessages?.['zh-CN'] },
      en: { ...en, ...appMessages?.en },
    },
  })
}
