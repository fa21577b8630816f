import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createHallI18n, useSessionStore, type Me } from '@hall/web-common'
import type { CaseDetail } from '../../../components/case/types'
import en from '../../../i18n/en'
import zhCN from '../../../i18n/zh-CN'
import CaseView from './CaseView.vue'

const applicant: Me = {
  id: 'u-stu',
  username: 'stu.2023001',
  displayName: '李明',
  unit: { id: 'unit1', name: '示范大学' },
  departments: [],
  posts: [],
  roles: [{ role: 'applicant', unitId: 'unit1', deptId: null }],
  mustChangePassword: false,
}
const approver: Me = {
  ...applicant,
  id: 'u-dean',
  username: 'cs.dean',
  displayName: '曹立新',
  roles: [{ role: 'approver', unitId: 'unit1', deptId: null }],
}

function caseOf(overrides: Partial<CaseDetail> = {}): CaseDetail {
  return {
    id: 'c1',
    caseNo: '2026112300001',
    itemId: 'i1',
    itemName: '学生请假',
    status: 'running',
    outcome: null,
    intake: 'online',
    revision: 1,
    createdAt: '2026-11-23T01:00:00.000Z',
    submittedAt: '2026-11-23T01:00:00.000Z',
    completedAt: null,
    promiseDue: '2026-11-26T10:00:00.000Z',
    version: 1,
    form: null,
    bpmn: null,
    data: {},
    applicant: { id: 'u-stu', name: '李明', phone: '139****1001' },
    timeline: [
      {
        type: 'process.started',
        at: '2026-11-23T01:00:00.000Z',
        step: 'Start',
        stepName: null,
        handlerId: 'u-stu',
        handlerName: '李明',
        due: null,
        outcome: null,
        comment: null,
        signature: null,
      },
    ],
    openSteps: [
      {
        taskId: 't1',
        step: 'Task_counsellor',
        name: '辅导员审批',
        assignees: [{ id: 'u-c', name: '彭雪' }],
        status: 'open',
        createdAt: '2026-11-23T01:00:00.000Z',
        due: '2026-11-24T01:00:00.000Z',
        warn: true,
        overdue: false,
      },
    ],
    awaiting: [],
    evaluation: null,
    complaints: [],
    ...overrides,
  }
}

const windowClerk: Me = {
  ...applicant,
  id: 'u-clerk',
  username: 'window.clerk',
  displayName: '王芳',
  roles: [{ role: 'window_staff', unitId: 'unit1', deptId: 'd-window' }],
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

/** The server as the page meets it: answers by `METHOD path`, 404 for the rest; records what was asked. */
function serve(answers: Record<string, (init: RequestInit) => Response>) {
  const fetch = vi.fn((input: RequestInfo | URL, init: RequestInit = {}) => {
    const key = `${init.method ?? 'GET'} ${new URL(String(input), 'http://hall.test').pathname}`
    return Promise.resolve(
      answers[key]?.(init) ?? json(404, { error: { code: 'NOT_FOUND', message: '没有找到办件' } }),
    )
  })
  vi.stubGlobal('fetch', fetch)
  return fetch
}

const diagram = () =>
  json(200, { bpmn: '<definitions/>', done: ['Start'], current: ['Task_counsellor'] })
const pageOf = (detail: CaseDetail, notices: unknown[] = []) => ({
  'GET /api/cases/c1': () => json(200, detail),
  'GET /api/cases/c1/notices': () => json(200, { items: notices }),
  'GET /api/cases/c1/diagram': diagram,
})

async function open(user: Me) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().user = user
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/cases/:id', component: CaseView },
      { path: '/:any(.*)*', component: { render: () => null } },
    ],
  })
  await router.push('/cases/c1')
  const wrapper = mount(CaseView, {
    global: {
      plugins: [pinia, router, createHallI18n({ 'zh-CN': zhCN, en })],
      stubs: {
        CaseDiagram: {
          props: ['bpmn', 'done', 'current'],
          template: '<div data-test="case-diagram">{{ done.join() }}|{{ current.join() }}</div>',
        },
      },
    },
  })
  await flushPromises()
  return wrapper
}

afterEach(() => vi.unstubAllGlobals())

describe('the case page', () => {
  it('shows the case with its number, status, applicant, the waiting step marked as due soon, and the diagram marks', async () => {
    serve(pageOf(caseOf()))
    const page = await open(applicant)
    expect(page.find('[data-test=case-no]').text()).toBe('2026112300001')
    expect(page.find('[data-test=case-status]').text()).toBe('办理中')
    expect(page.find('[data-test=case-applicant]').text()).toBe('李明')
    expect(page.find('[data-test=open-step]').text()).toContain('彭雪')
    expect(page.find('[data-test=step-warn]').text()).toBe('即将超时')
    expect(page.find('[data-test=case-diagram]').text()).toBe('Start|Task_counsellor')
    expect(page.findAll('[data-test=timeline-entry]')).toHaveLength(1)
    expect(page.find('[data-test=withdraw]').exists()).toBe(true)
  })

  it("says a case that is not there, or someone else's, is not found", async () => {
    serve({})
    const page = await open(applicant)
    expect(page.find('[data-test=case-not-found]').text()).toContain('没有找到这个办件')
  })

  it('offers the approver no applicant actions', async () => {
    serve(pageOf(caseOf({ applicant: { id: 'u-stu', name: '李明', phone: '139****1001' } })))
    const page = await open(approver)
    expect(page.find('[data-test=applicant-actions]').exists()).toBe(false)
    expect(page.text()).toContain('139****1001')
  })

  it('asks for a rating once the case is completed, and links to its print view', async () => {
    serve(
      pageOf(
        caseOf({
          status: 'completed',
          outcome: 'agree',
          completedAt: '2026-11-24T01:00:00.000Z',
          openSteps: [],
        }),
      ),
    )
    const page = await open(applicant)
    expect(page.find('[data-test=evaluate-form]').exists()).toBe(true)
    expect(page.find('[data-test=withdraw]').exists()).toBe(false)
    expect(page.find('[data-test=print-link]').attributes('href')).toBe('/cases/c1/print')
  })

  it('lets window staff invite the applicant of a finished case to rate it, once, and never the applicant', async () => {
    const finished = caseOf({ status: 'completed', outcome: 'agree', openSteps: [] })
    const invitation = { id: 'n9', kind: 'evaluation', createdAt: '2026-11-24T03:00:00.000Z', data: {} }
    let invited = false
    const fetch = serve({
      ...pageOf(finished),
      'GET /api/cases/c1/notices': () => json(200, { items: invited ? [invitation] : [] }),
      'POST /api/cases/c1/evaluation-invitation': () => ((invited = true), json(201, invitation)),
    })
    const page = await open(windowClerk)
    await page.find('[data-test=invite-evaluation]').trigger('click')
    await flushPromises()
    expect(fetch.mock.calls.some(([url, init]) => String(url).endsWith('/evaluation-invitation') && init?.method === 'POST')).toBe(true)
    expect(page.find('[data-test=invite-evaluation]').exists()).toBe(false)

    serve(pageOf(finished))
    expect((await open(applicant)).find('[data-test=invite-evaluation]').exists()).toBe(false)
  })

  it('shows the given rating instead of the form once rated', async () => {
    serve(
      pageOf(
        caseOf({
          status: 'completed',
          evaluation: {
            rating: 'basically_satisfied',
            comment: '还可以',
            createdAt: '2026-11-24T02:00:00.000Z',
          },
        }),
      ),
    )
    const page = await open(applicant)
    expect(page.find('[data-test=evaluate-form]').exists()).toBe(false)
    expect(page.find('[data-test=my-evaluation]').text()).toContain('基本满意')
  })

  it('lists what the one-time notice asks for, uploads each for the case by its material with a refusal shown beside it, and allows supplied only after uploading each', async () => {
    const notice = {
      id: 'n1',
      kind: 'supplement',
      createdAt: '2026-11-23T02:00:00.000Z',
      data: {
        materials: [{ id: 'm1', name: '请假证明', copies: 1, form: 'copy' }],
        others: ['家长签字'],
        note: null,
      },
    }
    const fetch = serve({
      ...pageOf(caseOf({ status: 'supplement' }), [notice]),
      'POST /api/files': (init) => {
        const body = init.body as FormData
        sent.push({ caseId: body.get('caseId'), material: body.get('material') })
        return sent.length === 1
          ? json(415, {
              error: {
                code: 'FILE_TYPE_REJECTED',
                message: '文件类型不被接受，未保存任何文件',
                fields: { 'files.0': '证明.docx 不是本栏接受的类型（.pdf）' },
              },
            })
          : json(201, { items: [{ id: 'f1', name: '证明.pdf', mime: 'application/pdf', size: 10 }] })
      },
      'POST /api/cases/c1/supplied': () => json(200, { status: 'running', promiseDue: null }),
    })
    const sent: { caseId: unknown; material: unknown }[] = []
    const page = await open(applicant)
    expect(page.find('[data-test=supplement-material]').text()).toContain('请假证明')
    expect(page.find('[data-test=supplement-panel]').text()).toContain('家长签字')
    expect(page.find('[data-test=case-notice]').text()).toContain('一次性补正告知书')
    expect(page.find('[data-test=supplied]').attributes('disabled')).toBeDefined()

    const input = page.find('[data-test=supplement-file-m1]')
    const pick = async (file: File) => {
      Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
      await input.trigger('change')
      await flushPromises()
    }
    await pick(new File(['PK'], '证明.docx'))
    expect(page.find('[data-test=supplement-refused]').text()).toBe(
      '证明.docx 不是本栏接受的类型（.pdf）',
    )
    expect(page.find('[data-test=supplied]').attributes('disabled')).toBeDefined()
    await pick(new File(['%PDF'], '证明.pdf', { type: 'application/pdf' }))
    expect(sent).toEqual([
      { caseId: 'c1', material: 'm1' },
      { caseId: 'c1', material: 'm1' },
    ])
    expect(page.find('[data-test=supplement-refused]').exists()).toBe(false)
    expect(page.find('[data-test=supplement-uploaded]').text()).toContain('证明.pdf')
    await page.find('[data-test=supplied]').trigger('click')
    await flushPromises()
    expect(
      fetch.mock.calls.some(
        ([url, init]) => String(url).endsWith('/api/cases/c1/supplied') && init?.method === 'POST',
      ),
    ).toBe(true)
  })
})
