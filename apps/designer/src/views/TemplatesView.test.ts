import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { designerI18n } from '../components/items/test-i18n'
import TemplatesView from './TemplatesView.vue'

const leave = { id: 'staff-leave', name: '窗口工作人员请假', summary: '分级审批', audience: 'county', basis: ['004'], posts: [{ code: 'P-SUP', name: '督查科审批岗', present: true }, { code: 'P-DEPUTY', name: '分管副主任岗', present: false }], dictionaries: [] }

function stubApi() {
  const fetch = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const body = url.startsWith('/api/templates/staff-leave/install')
      ? { itemId: 'i9', action: 'created', version: 1, sent: init?.body }
      : url.startsWith('/api/templates')
        ? { items: [leave] }
        : url.startsWith('/api/org/posts')
          ? { items: [{ id: 'p1', code: 'P-LEAD2', name: '副主任岗' }] }
          : { items: [{ id: 'd1', name: '监察室' }] }
    return Promise.resolve(new Response(JSON.stringify(body), { status: url.includes('/install') ? 201 : 200, headers: { 'content-type': 'application/json' } }))
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function pick(wrapper: ReturnType<typeof mount>, index: number, option: string) {
  await wrapper.findAll('.el-select__wrapper')[index]!.trigger('click')
  await flushPromises()
  const item = [...document.querySelectorAll('.el-select-dropdown__item')].find((el) => el.textContent?.includes(option)) as HTMLElement
  item.click()
  await flushPromises()
}

describe('built-in templates page', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('installs only once a window is chosen and every missing post is mapped, sending the mapping', async () => {
    const fetch = stubApi()
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: TemplatesView }, { path: '/items/:id/edit', name: 'item-editor', component: TemplatesView }] })
    await router.push('/')
    const wrapper = mount(TemplatesView, { global: { plugins: [createPinia(), designerI18n(), router] }, attachTo: document.body })
    await flushPromises()
    const button = () => wrapper.find('[data-test=template-staff-leave] .el-card__footer button')
    expect(wrapper.text()).toContain('窗口工作人员请假')
    expect(button().attributes('disabled')).toBeDefined()

    await pick(wrapper, 0, '监察室')
    expect(button().attributes('disabled')).toBeDefined()
    await pick(wrapper, 1, 'P-LEAD2')
    expect(button().attributes('disabled')).toBeUndefined()

    await button().trigger('click')
    await flushPromises()
    const [, init] = fetch.mock.calls.find(([url]) => String(url).includes('/install'))!
    expect(JSON.parse(String(init!.body))).toEqual({ deptId: 'd1', posts: { 'P-DEPUTY': 'P-LEAD2' } })
    expect(wrapper.text()).toContain('打开事项')
    wrapper.unmount()
  })
})
