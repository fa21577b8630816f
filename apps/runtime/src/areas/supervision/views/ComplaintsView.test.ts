import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createHallI18n } from '@hall/web-common'
import en from '../../../i18n/en'
import zhCN from '../../../i18n/zh-CN'
import type { ComplaintItem } from '../api'
import ComplaintsView from './ComplaintsView.vue'

const complaint = (over: Partial<ComplaintItem>): ComplaintItem => ({
  id: 'k1',
  caseId: 'c1',
  caseNo: '20261123-0001',
  itemName: '失业保险金申领',
  windowId: 'w1',
  text: '窗口工作人员态度生硬，多次让我补交材料',
  status: 'open',
  createdAt: '2026-11-24T02:00:00.000Z',
  decision: null,
  responsibleId: null,
  decisionNote: null,
  decidedBy: null,
  decidedAt: null,
  ...over,
})

const reply = (status: number, body: unknown) =>
  Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }))

/** Answers the list with `items` and a decision with `decision`; remembers each decision's body. */
function stubServer(items: ComplaintItem[], decision: () => Promise<Response>) {
  const decided: unknown[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
      if (String(input).includes('/decision')) {
        decided.push(JSON.parse(String(init?.body)))
        return decision()
      }
      return reply(200, { items })
    }),
  )
  return decided
}

const mountView = () =>
  mount(ComplaintsView, {
    global: { plugins: [createPinia(), createHallI18n({ 'zh-CN': zhCN, en })], stubs: { RouterLink: RouterLinkStub } },
  })

afterEach(() => vi.unstubAllGlobals())

describe('ComplaintsView', { timeout: 30_000 }, () => {
  it('offers a decision on an open complaint and shows the server’s reason when it is refused', async () => {
    const decided = stubServer([complaint({})], () =>
      reply(400, { error: { code: 'VALIDATION_FAILED', message: '输入有误', fields: { note: '请写明认定理由' } } }),
    )
    const wrapper = mountView()
    await flushPromises()
    await wrapper.find('[data-test=uphold]').trigger('click')
    await flushPromises()
    expect(decided).toEqual([{ decision: 'upheld', note: '' }])
    expect(wrapper.text()).toContain('请写明认定理由')
  })

  it('shows a decided complaint’s finding instead of the buttons', async () => {
    stubServer([complaint({ status: 'closed', decision: 'upheld', decisionNote: '补正材料未一次性告知' })], () => reply(200, {}))
    const wrapper = mountView()
    await flushPromises()
    expect(wrapper.find('[data-test=decision]').text()).toContain('投诉属实')
    expect(wrapper.find('[data-test=uphold]').exists()).toBe(false)
  })
})
