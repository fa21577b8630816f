import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { json, mountPage, stubApi } from '../testing/mount-page'
import MyCasesView from './MyCasesView.vue'

const row = (id: string, status: string, caseNo: string | null) => ({
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
})
