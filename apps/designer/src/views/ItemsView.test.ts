import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { designerI18n } from '../components/items/test-i18n'
import ItemsView from './ItemsView.vue'

const item = { id: 'i1', unitId: 'u', deptId: 'd1', deptName: '市场监管窗口', code: 'market-entry', name: '市场主体设立登记', status: 'active', latestVersion: 3, createdAt: '2026-11-23T01:00:00.000Z' }
const retired = { ...item, id: 'i2', code: 'old-licence', name: '旧证换发', status: 'retired', latestVersion: null }

function stubApi() {
  const fetch = vi.fn((input: RequestInfo | URL) => {
    const url = String(input)
    const body = url.startsWith('/api/org/departments') ? { items: [{ id: 'd1', name: '市场监管窗口' }] } : { items: url.includes('q=') ? [item] : [item, retired] }
    return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } }))
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function render() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: ItemsView }, { path: '/items/:id/versions', name: 'item-versions', component: ItemsView }, { path: '/items/:id/edit', name: 'item-editor', component: ItemsView }] })
  await router.push('/')
  const wrapper = mount(ItemsView, { global: { plugins: [createPinia(), designerI18n(), router] } })
  await flushPromises()
  return wrapper
}

describe('items list', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('shows each item with its department, status and latest version', async () => {
    stubApi()
    const rows = (await render()).findAll('[data-test=items-table] tbody tr').map((row) => row.text())
    expect(rows).toHaveLength(2)
    expect(rows[0]).toContain('market-entry市场主体设立登记市场监管窗口在用v3')
    expect(rows[1]).toContain('已停用未发布')
  })

  it('searches by code or name on the server', async () => {
    const fetch = stubApi()
    const wrapper = await render()
    const input = wrapper.find('input[data-test=items-search]')
    await input.setValue('设立')
    await input.trigger('change')
    await flushPromises()
    expect(String(fetch.mock.calls.at(-1)![0])).toBe(`/api/items?q=${encodeURIComponent('设立')}`)
    expect(wrapper.findAll('[data-test=items-table] tbody tr')).toHaveLength(1)
  })
})
