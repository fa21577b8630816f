import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { json, mountPage, stubApi } from '../testing/mount-page'
import MyCasesView from './MyCasesView.vue'

type Awaited = { messageName: string; elementId: string; label: string }
const row = (id: string, status: string, caseNo: string | null, awaiting: Awaited[] = []) => ({
  id,
  caseNo,
  itemId: 'leave',
  itemName: '学生请假销假',
  status,
  outcome: null,
  intake: 'online',
  revision: 1,
  createdAt: '2026-12-01T01:00:00.000Z',
  submittedAt: caseNo ? '2026-12-01T01:30:00.000Z' : null,
  completedAt: null,
  promiseDue: null,
  awaiting,
})

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('MyCasesView', () => {
  it('lists my cases with their status; a draft opens the form again, a submitted case its case page', async () => {
    const fetch = stubApi({
      'GET /api/cases': () =>
        json(200, { items: [row('c2', 'draft', null), row('c1', 'completed', '2026120100012')] }),
    })
    const { wrapper } = await mountPage(MyCasesView, '/my-cases')
    await flushPromises()
    expect(String(fetch.mock.calls[0]![0])).toContain('scope=mine')
    const [draft, done] = wrapper.findAll('[data-test=my-case]')
    expect(draft!.find('a').attributes('href')).toBe('/my-cases/c2/edit')
    expect(draft!.find('[data-test=status-tag]').text()).toBe('草稿')
    expect(draft!.find('[data-test=my-case-no]').text()).toBe('草稿')
    expect(done!.find('a').attributes('href')).toBe('/cases/c1')
    expect(done!.find('[data-test=status-tag]').text()).toBe('已办结')
    expect(done!.find('[data-test=my-case-no]').text()).toBe('2026120100012')
    expect(done!.text()).toContain('2026/12/01 09:30')
  })

  it('shows 假满返校销假 on a case waiting for me, asks to confirm with a comment, posts it and refreshes', async () => {
    let returned = false
    const awaited = [{ messageName: 'leave.returned', elementId: 'Wait_return', label: '假满返校销假' }]
    const fetch = stubApi({
      'GET /api/cases': () =>
        json(200, { items: [row('c3', 'running', '2026120100013', returned ? [] : awaited), row('c1', 'completed', '2026120100012')] }),
      'POST /api/cases/c3/messages': () => {
        returned = true
        return json(200, { id: 'c3', awaiting: [] })
      },
    })
    const { wrapper } = await mountPage(MyCasesView, '/my-cases')
    await flushPromises()
    // The list says what each case waits for: no case is fetched one by one.
    expect(fetch.mock.calls.map(([url]) => String(url).split('?')[0])).toEqual(['/api/cases'])
    const [running, done] = wrapper.findAll('[data-test=my-case]')
    expect(done!.find('[data-test=awaited-message]').exists()).toBe(false)
    const button = running!.find('[data-test=awaited-message]')
    expect(button.text()).toBe('假满返校销假')

    await button.trigger('click')
    expect(wrapper.find('[data-test=awaited-confirm]').text()).toContain('确认「假满返校销假」？')
    // Nothing is sent before the confirmation.
    expect(fetch.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(false)
    await wrapper.find('[data-test=awaited-confirm] textarea').setValue(' 已于 12 月 5 日返校 ')
    await wrapper.find('[data-test=awaited-submit]').trigger('click')
    await flushPromises()

    const post = fetch.mock.calls.find(([, init]) => init?.method === 'POST')!
    expect(JSON.parse(String(post[1]!.body))).toEqual({ messageName: 'leave.returned', comment: '已于 12 月 5 日返校' })
    expect(wrapper.find('[data-test=awaited-messages]').exists()).toBe(false)
  })

  it('keeps the confirmation open with the server’s reason when the case no longer waits', async () => {
    stubApi({
      'GET /api/cases': () =>
        json(200, { items: [row('c3', 'running', '2026120100013', [{ messageName: 'leave.returned', elementId: 'Wait_return', label: '假满返校销假' }])] }),
      'POST /api/cases/c3/messages': () =>
        json(409, { error: { code: 'MESSAGE_NOT_AWAITED', message: '办件当前没有在等您办理这一步' } }),
    })
    const { wrapper } = await mountPage(MyCasesView, '/my-cases')
    await flushPromises()
    await wrapper.find('[data-test=awaited-message]').trigger('click')
    await wrapper.find('[data-test=awaited-submit]').trigger('click')
    await flushPromises()
    expect(wrapper.find('[data-test=awaited-confirm]').text()).toContain('办件当前没有在等您办理这一步')
  })
})
