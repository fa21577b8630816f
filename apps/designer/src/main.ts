import { createApp } from 'vue'
import { createPinia } from 'pinia'
import { createHallI18n, HallRoot } from '@hall/web-common'
import en from './i18n/en'
import zhCN from './i18n/zh-CN'
import { createDesignerRouter } from './router'

const pinia = createPinia()
createApp(HallRoot)
  .use(pinia)
  .use(createHallI18n({ 'zh-CN': zhCN, en }))
  .use(createDesignerRouter(pinia))
  .mount('#app')
