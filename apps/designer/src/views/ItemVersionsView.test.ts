import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { designerI18n } from '../components/items/test-i18n'
import ItemVersionsView from './ItemVersionsView.vue'

const item = { id: 'i1', unitId: 'u', deptId: 'd1', deptName: '市场监管窗口', code: 'market-entry', name: '市场主体设立登记', status: 'active', latestVersion: 2, createdAt: '2026-11-23T01:00:00.000Z' }
const version = (n: number) => ({ version: n, definitionId: `item.i1:${n}`, republishedFrom: null, note: null, publishedAt: '2026-11-23T01:00:00.000Z', publishedBy: { id: 'u1', name: '吴晓梅' } })
const diff = { from: 'v1', to: 'v2', guide: [{ field: 'feeNote', label: '收费依据', change: 'added', new: '不收费' }], form: [], process: [] }

function stubApi() {
  const answers: Record<string, unknown> = {
    '/api/items/i1': { item, draft: { revision: 4 } },
    '/api/items/i1/versions': { items: [version(2), version(1)] },
    '/api/items/i1/diff?from=1&to=2': diff,
  }
  const fetch = vi.fn((input: RequestInfo | URL) => {
    const body = answers[String(input)]
    return Promise.resolve(new Response(JSON.stringify(body ?? { error: { code: 'NOT_FOUND' } }), { status: body ? 200 : 404, headers: { 'content-type': 'application/json' } }))
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

async function render() {
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', name: 'home', component: ItemVersionsView }] })
  await router.push('/')
  const wrapper = mount(ItemVersionsView, { props: { id: 'i1' }, global: { plugins: [createPinia(), designerI18n(), router] }, attachTo: document.body })
  await flushPromises()
  return wrapper
}

describe('item versions page', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
    document.body.innerHTML = ''
  })

  it('compares the two versions ticked, oldest first, and shows the diff', async () => {
    const fetch = stubApi()
    const wrapper = await render()
    expect(wrapper.text()).toContain('“市场主体设立登记”的版本')
    expect(wrapper.find('[data-test=compare]').attributes('disabled')).toBeDefined()
    for (const box of wrapper.findAll('[data-test=versions-table] tbody .el-checkbox input')) await box.setValue(true)
    await wrapper.find('[data-test=compare]').trigger('click')
    await flushPromises()
    expect(fetch.mock.calls.map((call) => String(call[0]))).toContain('/api/items/i1/diff?from=1&to=2')
    expect(wrapper.find('[data-test=item-diff]').text()).toContain('新增收费依据不收费')
  })
})
