import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createHallI18n, useSessionStore, type Me } from '@hall/web-common'
import en from '../i18n/en'
import zhCN from '../i18n/zh-CN'
import HomeView from './HomeView.vue'

const student: Me = {
  id: 'u1',
  username: 'stu.2023001',
  displayName: '李同学',
  unit: { id: 'unit1', name: '示范大学' },
  departments: [],
  posts: [],
  roles: [{ role: 'applicant', unitId: 'unit1', deptId: null }],
  mustChangePassword: false,
}

function mountHome() {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = student
  return mount(HomeView, { global: { plugins: [pinia, createHallI18n({ 'zh-CN': zhCN, en })] } })
}

describe('HomeView', () => {
  it('greets the signed-in user by name', () => {
    expect(mountHome().find('[data-test=greeting]').text()).toBe('您好，李同学')
  })

  it('says honestly that cases, tasks and guides are coming, without sample data', () => {
    const wrapper = mountHome()
    for (const key of ['cases', 'tasks', 'guides']) {
      const card = wrapper.find(`[data-test=card-${key}]`)
      expect(card.text()).toContain('即将上线')
      expect(card.text()).not.toMatch(/\d/)
    }
  })
})
