import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createRouter, createMemoryHistory } from 'vue-router'
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
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/:any(.*)*', component: HomeView }],
  })
  return mount(HomeView, {
    global: { plugins: [pinia, router, createHallI18n({ 'zh-CN': zhCN, en })] },
  })
}

describe('HomeView', () => {
  it('greets the signed-in user by name', () => {
    expect(mountHome().find('[data-test=greeting]').text()).toBe('您好，李同学')
  })

  it('leads to my applications, my tasks and the service guide, without sample data', () => {
    const wrapper = mountHome()
    const links = { cases: '/my-cases', tasks: '/tasks', guides: '/services' }
    for (const [key, path] of Object.entries(links)) {
      const card = wrapper.find(`[data-test=card-${key}]`)
      expect(card.attributes('href')).toBe(path)
      expect(card.text()).not.toContain('即将上线')
      expect(card.text()).not.toMatch(/\d/)
    }
  })
})
