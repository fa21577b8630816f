import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory } from 'vue-router'
import { createHallI18n, HallRoot, type Me, type RoleName } from '@hall/web-common'
import en from './i18n/en'
import zhCN from './i18n/zh-CN'
import { createDesignerRouter } from './router'

function userWith(role: RoleName): Me {
  return {
    id: 'u1',
    username: 'someone',
    displayName: '张三',
    unit: { id: 'unit1', name: '示范县政务服务中心' },
    departments: [],
    posts: [],
    roles: [{ role, unitId: 'unit1', deptId: null }],
    mustChangePassword: false,
  }
}

async function openDesignerAs(role: RoleName) {
  const session = JSON.stringify({ user: userWith(role), csrfToken: 't' })
  // The session for /auth/me; every list (items, departments) answers empty.
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) =>
      Promise.resolve(new Response(String(input).startsWith('/api/auth/') ? session : '{"items":[]}', { status: 200 })),
    ),
  )
  const pinia = createPinia()
  const router = createDesignerRouter(pinia, createMemoryHistory())
  const wrapper = mount(HallRoot, {
    global: { plugins: [pinia, createHallI18n({ 'zh-CN': zhCN, en }), router] },
  })
  await router.push('/')
  await flushPromises()
  return { wrapper, router }
}

describe('designer routes', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows 无权限 to an applicant', async () => {
    const { wrapper, router } = await openDesignerAs('applicant')
    expect(router.currentRoute.value.name).toBe('forbidden')
    expect(wrapper.find('[data-test=forbidden]').text()).toContain('无权限')
    expect(wrapper.text()).toContain('张三')
  })

  it('shows the (empty) item list to a hall administrator', async () => {
    const { wrapper, router } = await openDesignerAs('hall_admin')
    expect(router.currentRoute.value.name).toBe('home')
    expect(wrapper.find('[data-test=items-empty]').text()).toContain('暂无事项')
  })
})
