import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { useI18n } from 'vue-i18n'
import { ElEmpty } from 'element-plus'
import { createHallI18n } from '../i18n'
import { createTestApp } from '../testing/test-app'
import HallRoot from './HallRoot.vue'
import LanguageSwitch from './LanguageSwitch.vue'

// A page with our own string and an Element Plus string ("暂无数据" / "No Data").
const Page = defineComponent(() => {
  const { t } = useI18n()
  return () => h('div', [h('h1', t('login.title')), h(LanguageSwitch), h(ElEmpty)])
})

async function mountPage() {
  const app = createTestApp([{ path: '/', name: 'home', component: Page }])
  await app.router.push('/')
  return mount(HallRoot, { global: { plugins: [...app.plugins] } })
}

describe('LanguageSwitch', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => localStorage.clear())

  it('starts in Chinese and offers English', async () => {
    const wrapper = await mountPage()
    expect(wrapper.find('h1').text()).toBe('登录')
    expect(wrapper.text()).toContain('暂无数据')
    expect(wrapper.find('[data-test=language-switch]').text()).toBe('English')
    expect(document.documentElement.lang).toBe('zh-CN')
  })

  it('switches our strings and Element Plus to English, and remembers the choice', async () => {
    const wrapper = await mountPage()
    await wrapper.find('[data-test=language-switch]').trigger('click')

    expect(wrapper.find('h1').text()).toBe('Sign in')
    expect(wrapper.text()).toContain('No Data')
    expect(wrapper.find('[data-test=language-switch]').text()).toBe('中文')
    expect(document.documentElement.lang).toBe('en')
    expect(createHallI18n().global.locale.value).toBe('en')
  })

  it('switches back to Chinese', async () => {
    localStorage.setItem('hall.locale', 'en')
    const wrapper = await mountPage()
    expect(wrapper.find('h1').text()).toBe('Sign in')
    await wrapper.find('[data-test=language-switch]').trigger('click')
    expect(wrapper.find('h1').text()).toBe('登录')
    expect(localStorage.getItem('hall.locale')).toBe('zh-CN')
  })
})
