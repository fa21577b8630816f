import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, RouterLinkStub } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { createHallI18n } from '@hall/web-common'
import en from '../../../i18n/en'
import zhCN from '../../../i18n/zh-CN'
import type { BoardRow } from '../api'
import SupervisionBoardView from './SupervisionBoardView.vue'

const row = (over: Partial<BoardRow>): BoardRow => ({
  taskId: 't1',
  caseId: 'c1',
  caseNo: '20261123-0001',
  itemId: 'i1',
  itemName: '失业保险金申领',
  windowId: 'w1',
  windowName: '人力资源社会保障窗口',
  departmentId: 'w1',
  departmentName: '人力资源社会保障窗口',
  step: '社保经办审核',
  handlers: [{ id: 'u1', name: '朱琳' }],
  startedAt: '2026-11-23T01:00:00.000Z',
  stepDue: '2026-11-25T10:00:00.000Z',
  promiseDue: '2026-11-30T10:00:00.000Z',
  state: 'on_time',
  suspended: false,
  suspensions: [],
  suspendedWorkingMs: 0,
  elapsedWorkingMs: 3600_000,
  ...over,
})

/** Answers the board call with `rows` and remembers every query string it was asked. */
function stubBoard(rows: BoardRow[]) {
  const queries: string[] = []
  vi.stubGlobal(
    'fetch',
    vi.fn((input: RequestInfo | URL) => {
      queries.push(new URL(String(input), 'http://hall.test').search)
      return Promise.resolve(
        new Response(JSON.stringify({ total: rows.length, items: rows }), {
          status: 200,
          headers: { 'content-type': 'application/json' },
        }),
      )
    }),
  )
  return queries
}

const mountBoard = () =>
  mount(SupervisionBoardView, {
    global: {
      plugins: [createPinia(), createHallI18n({ 'zh-CN': zhCN, en })],
      stubs: { RouterLink: RouterLinkStub },
    },
  })

afterEach(() => vi.unstubAllGlobals())

describe('SupervisionBoardView', { timeout: 30_000 }, () => {
  it('marks an overdue step red and a warned one yellow, with the working time used and stopped', async () => {
    stubBoard([
      row({
        taskId: 'late',
        state: 'overdue',
        elapsedWorkingMs: 15 * 3600_000,
        suspendedWorkingMs: 7 * 3600_000,
      }),
      row({ taskId: 'soon', state: 'warned' }),
    ])
    const wrapper = mountBoard()
    await flushPromises()
    const rows = wrapper.findAll('[data-test=board-row]')
    expect(rows.map((r) => r.attributes('data-state'))).toEqual(['overdue', 'warned'])
    expect(rows[0]!.classes()).toContain('is-overdue')
    expect(rows[0]!.find('[data-test=board-state]').text()).toBe('超时')
    expect(rows[0]!.find('.el-tag--danger').exists()).toBe(true)
    expect(rows[1]!.find('.el-tag--warning').exists()).toBe(true)
    expect(rows[0]!.text()).toContain('已用 2 个工作日 1 小时')
    expect(rows[0]!.text()).toContain('暂停计时 1 个工作日 0 小时')
    expect(wrapper.find('[data-test=board-total]').text()).toBe('共 2 个在办环节')
  })

  it('asks the server again with the chosen state and from the first page', async () => {
    const queries = stubBoard([row({})])
    const wrapper = mountBoard()
    await flushPromises()
    ;(
      wrapper.vm as unknown as { $: { setupState: { filters: { state: string } } } }
    ).$.setupState.filters.state = 'overdue'
    await flushPromises()
    expect(queries.at(-1)).toContain('state=overdue')
    expect(queries.at(-1)).toContain('offset=0')
  })
})
