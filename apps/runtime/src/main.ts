import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createHallI18n, HallRoot } from '@hall/web-common'
import en from './i18n/en'
import zhCN from './i18n/zh-CN'
import { createRuntimeRouter } from './router'

createApp(HallRoot)
  .use(createPinia())
  .use(createHallI18n({ 'zh-CN': zhCN, en }))
  .use(createRuntimeRouter())
  .mount('#app')
