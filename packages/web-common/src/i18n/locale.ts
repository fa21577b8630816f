import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import elementEn from 'element-plus/es/locale/lang/en'
import elementZhCn from 'element-plus/es/locale/lang/zh-cn'

export const HALL_LOCALES = ['zh-CN', 'en'] as const
export type HallLocale = (typeof HALL_LOCALES)[number]

/** Shared by the designer and the runtime: both live on one origin, so one choice serves both. */
const STORAGE_KEY = 'hall.locale'

function isHallLocale(value: unknown): value is HallLocale {
  return HALL_LOCALES.includes(value as HallLocale)
}

/** The language chosen earlier on this browser, else zh-CN (the product's home language). */
export function storedLocale(): HallLocale {
  try {
    const value = localStorage.getItem(STORAGE_KEY)
    return isHallLocale(value) ? value : 'zh-CN'
  } catch {
    // Storage can be disabled (private mode, policies): the default is still a working answer.
    return 'zh-CN'
  }
}

function rememberLocale(locale: HallLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale)
  } catch {
    // Not remembered across reloads, but the switch still works for this page.
  }
}

/** Screen readers and the browser's own UI (spellcheck, hyphenation) follow `<html lang>`. */
export function applyDocumentLang(locale: HallLocale): void {
  if (typeof document !== 'undefined') document.documentElement.lang = locale
}

/**
 * The current language and how to change it; Element Plus components follow through `elementLocale`
 * (hand it to `<el-config-provider>`).
 */
export function useHallLocale() {
  const { locale } = useI18n({ useScope: 'global' })
  const current = computed<HallLocale>(() => (isHallLocale(locale.value) ? locale.value : 'zh-CN'))
  return {
    locale: current,
    elementLocale: computed(() => (current.value === 'en' ? elementEn : elementZhCn)),
    setLocale(next: HallLocale) {
      locale.value = next
      rememberLocale(next)
      applyDocumentLang(next)
    },
  }
}
