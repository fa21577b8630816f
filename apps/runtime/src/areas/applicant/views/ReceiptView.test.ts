import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { json, mountPage, stubApi } from '../testing/mount-page'
import ReceiptView from './ReceiptView.vue'

const submitted = {
  id: 'c1',
  caseNo: '2026120100012',
  itemId: 'leave',
  itemName: '学生请假销假',
  status: 'running',
  outcome: null,
  intake: 'online',
  revision: 3,
  createdAt: '2026-12-01T01:00:00.000Z',
  submittedAt: '2026-12-01T01:30:00.000Z',
  completedAt: null,
  promiseDue: '2026-12-03T10:00:00.000Z',
  version: 1,
  form: {},
  bpmn: null,
  data: {},
  timeline: [],
  evaluation: null,
  complaints: [],
  openSteps: [
    {
      taskId: 't1',
      step: 'Task_counsellor',
      name: '辅导员审批',
      assignees: [],
      status: 'open',
      createdAt: '2026-12-01T01:30:00.000Z',
      due: '2026-12-02T01:30:00.000Z',
      warn: false,
      overdue: false,
    },
  ],
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ReceiptView', () => {
  it('gives the case number, item, submission time, next step with its due time and the promised completion, in Beijing time', async () => {
    stubApi({ 'GET /api/cases/c1': () => json(200, submitted) })
    const { wrapper } = await mountPage(ReceiptView, '/my-cases/c1/receipt', { caseId: 'c1' })
    await flushPromises()
    expect(wrapper.find('[data-test=receipt-case-no]').text()).toBe('2026120100012')
    expect(wrapper.find('[data-test=receipt-item]').text()).toBe('学生请假销假')
    expect(wrapper.find('[data-test=receipt-submitted]').text()).toBe('2026/12/01 09:30')
    expect(wrapper.find('[data-test=receipt-next]').text()).toBe(
      '辅导员审批，应于 2026/12/02 09:30 前办理',
    )
    expect(wrapper.find('[data-test=receipt-promise]').text()).toBe('2026/12/03 18:00')
    expect(wrapper.find('[data-test=status-tag]').text()).toBe('办理中')
  })

  it('prints through the browser', async () => {
    stubApi({ 'GET /api/cases/c1': () => json(200, submitted) })
    const print = vi.fn()
    vi.stubGlobal('print', print)
    const { wrapper } = await mountPage(ReceiptView, '/my-cases/c1/receipt', { caseId: 'c1' })
    await flushPromises()
    await wrapper.find('[data-test=receipt-print]').trigger('click')
    expect(print).toHaveBeenCalledOnce()
  })

  it('has no receipt for a draft: it offers to go on filling it in', async () => {
    stubApi({
      'GET /api/cases/c1': () =>
        json(200, {
          ...submitted,
          status: 'draft',
          caseNo: null,
          submittedAt: null,
          openSteps: [],
        }),
    })
    const { wrapper } = await mountPage(ReceiptView, '/my-cases/c1/receipt', { caseId: 'c1' })
    await flushPromises()
    expect(wrapper.find('[data-test=receipt]').exists()).toBe(false)
    expect(wrapper.find('[data-test=receipt-not-submitted] a').attributes('href')).toBe(
      '/my-cases/c1/edit',
    )
  })
})
