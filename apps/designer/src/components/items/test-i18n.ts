import { createHallI18n } from '@hall/web-common'
import en from '../../i18n/en'
import zhCN from '../../i18n/zh-CN'

/** The designer's own messages in a fresh i18n instance, for mounting one component in a test. */
export const designerI18n = () => createHallI18n({ 'zh-CN': zhCN, en })
