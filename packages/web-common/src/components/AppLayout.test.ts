import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { RouterView } from 'vue-router'
import { useSessionStore } from '../stores/session'
import { createTestApp, jsonResponse, makeMe, stubFetch } from '../testing/test-app'
import AppLayout from './AppLayout.vue'

function screenWidth(width: number) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: query.includes('max-width: 768px') && width <= 768,
    addEventListener: () => {},
    removeEventListener: () => {},
  }))
}

const Shell = defineComponent(
  () => () =>
    h(AppLayout, null, {
      nav: () => h('a', { class: 'test-nav' }, 'nav'),
      default: () => h('p', 'page'),
    }),
)

async function mountLayout() {
  const app = createTestApp([{ path: '/', name: 'home', component: Shell }])
  useSessionStore().user = makeMe()
  await app.router.push('/')
  const wrapper = mount(RouterView, {
    global: { plugins: [...app.plugins] },
    attachTo: document.body,
  })
  await flushPromises()
  return { wrapper, router: app.router }
}

describe('AppLayout', () => {
  beforeEach(() => localStorage.clear())
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('shows the unit, the user and the navigation at the side on wide screens', async () => {
    screenWidth(1280)
    const { wrapper } = await mountLayout()
    expect(wrapper.find('.app-layout__aside .test-nav').exists()).toBe(true)
    expect(wrapper.find('[data-test=user-name]').text()).toBe('李同学')
    expect(wrapper.text()).toContain('示范大学')
    expect(wrapper.find('[data-test=open-menu]').exists()).toBe(false)
  })

  it('moves the navigation into a drawer on phones', async () => {
    screenWidth(375)
    const { wrapper } = await mountLayout()
    expect(wrapper.find('.app-layout__aside').exists()).toBe(false)
    await wrapper.find('[data-test=open-menu]').trigger('click')
    await vi.waitFor(() => expect(document.querySelector('.el-drawer .test-nav')).not.toBeNull())
    expect(document.querySelector('.el-drawer [data-test=logout]')).not.toBeNull()
  })

  it('signs out and goes to the login page', async () => {
    screenWidth(1280)
    stubFetch({ 'POST /api/auth/logout': jsonResponse(204) })
    const { wrapper, router } = await mountLayout()
    await wrapper.find('[data-test=logout]').trigger('click')
    await vi.waitFor(() => expect(router.currentRoute.value.name).toBe('login'))
    expect(useSessionStore().user).toBeNull()
  })
})
