import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { json, mountPage, stubApi } from '../testing/mount-page'
import ApplyView from './ApplyView.vue'

const FORM = {
  type: 'object',
  properties: {
    name: {
      type: 'string',
      title: '姓名',
      required: true,
      'x-component': 'Input',
      'x-decorator': 'FormItem',
      'x-prefill': 'dc:person.name',
    },
    dorm: {
      type: 'string',
      title: '宿舍',
      'x-component': 'Input',
      'x-decorator': 'FormItem',
      'x-prefill': 'dc:ext.sis.dorm',
    },
    reason: {
      type: 'string',
      title: '事由',
      required: true,
      'x-component': 'Input',
      'x-decorator': 'FormItem',
    },
  },
}
const draft = (data: Record<string, unknown>, revision: number) => ({
  id: 'c1',
  caseNo: null,
  itemId: 'leave',
  itemName: '学生请假销假',
  status: 'draft',
  outcome: null,
  intake: 'online',
  revision,
  createdAt: '2026-12-01T01:00:00.000Z',
  submittedAt: null,
  completedAt: null,
  promiseDue: null,
  version: 1,
  form: FORM,
  bpmn: null,
  data,
  timeline: [],
  openSteps: [],
  evaluation: null,
  complaints: [],
})
const common = { 'GET /api/items/published': () => json(200, { items: [] }) }

/** Waits out the autosave pause (1.5 s after the last change). */
const pause = () => new Promise((resolve) => setTimeout(resolve, 1700))
const field = (wrapper: VueWrapper, label: string) =>
  wrapper
    .findAll('.formily-element-plus-form-item')
    .find((el) => el.find('label').text() === label)!
const patches = (fetch: ReturnType<typeof stubApi>) =>
  fetch.mock.calls
    .filter(([, init]) => init?.method === 'PATCH')
    .map(
      ([, init]) =>
        JSON.parse(String(init!.body)) as { data: Record<string, unknown>; revision: number },
    )

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('ApplyView', () => {
  it('opens a new draft pre-filled by the data center, says what it could not fill, and saves the values', async () => {
    const fetch = stubApi({
      ...common,
      'GET /api/cases/c1': () => json(200, draft({}, 1)),
      'POST /api/datacenter/prefill': () =>
        json(200, {
          values: { name: '李明' },
          failures: [
            {
              field: 'dorm',
              path: 'dc:ext.sis.dorm',
              reason: 'SOURCE_ERROR',
              message: '超时',
              notice: '无法预填「宿舍」：学籍库：超时',
            },
          ],
        }),
      'PATCH /api/cases/c1': () => json(200, { ...draft({ name: '李明' }, 2), data: undefined }),
    })
    const { wrapper } = await mountPage(ApplyView, '/my-cases/c1/edit', { caseId: 'c1' })
    await flushPromises()
    expect((field(wrapper, '姓名').find('input').element as HTMLInputElement).value).toBe('李明')
    expect(wrapper.find('[data-test=prefill-failures]').text()).toContain(
      '无法预填「宿舍」：学籍库：超时',
    )
    await pause()
    await flushPromises()
    expect(patches(fetch)).toEqual([{ data: { name: '李明' }, revision: 1 }])
    expect(wrapper.find('[data-test=save-state]').text()).toMatch(
      /^已保存 \d{4}\/\d{2}\/\d{2} \d{2}:\d{2}$/,
    )
  }, 15_000)

  it('on a stale revision stops autosaving and tells the user, instead of overwriting the other copy', async () => {
    let saves = 0
    const fetch = stubApi({
      ...common,
      'GET /api/cases/c1': () => json(200, draft({ name: '李明' }, 3)),
      'PATCH /api/cases/c1': () =>
        ++saves === 1
          ? json(200, draft({}, 4))
          : json(409, {
              error: { code: 'VERSION_CONFLICT', message: '草稿已在别处保存过，请刷新后再改' },
            }),
    })
    const { wrapper } = await mountPage(ApplyView, '/my-cases/c1/edit', { caseId: 'c1' })
    await flushPromises()
    expect(fetch.mock.calls.some(([url]) => String(url).includes('prefill'))).toBe(false)

    await field(wrapper, '事由').find('input').setValue('回家')
    await pause()
    await flushPromises()
    await field(wrapper, '事由').find('input').setValue('回家探亲')
    await pause()
    await flushPromises()
    expect(patches(fetch).map((body) => body.revision)).toEqual([3, 4])
    expect(wrapper.find('[data-test=apply-conflict]').text()).toContain(
      '草稿已在其他页面或设备上保存过',
    )
    expect(wrapper.find('[data-test=apply-submit]').attributes('disabled')).toBeDefined()

    await field(wrapper, '事由').find('input').setValue('回家探亲，三天')
    await pause()
    await flushPromises()
    expect(patches(fetch)).toHaveLength(2)
  }, 20_000)

  it("shows the server's FORM_INVALID message at the field it names", async () => {
    stubApi({
      ...common,
      'GET /api/cases/c1': () => json(200, draft({ name: '李明', reason: '回家' }, 2)),
      'POST /api/cases/c1/submit': () =>
        json(400, {
          error: {
            code: 'FORM_INVALID',
            message: '表单有误',
            fields: { reason: '事由不能含有链接' },
          },
        }),
    })
    const { wrapper, router } = await mountPage(ApplyView, '/my-cases/c1/edit', { caseId: 'c1' })
    await flushPromises()
    await wrapper.find('[data-test=apply-submit]').trigger('click')
    await flushPromises()
    expect(field(wrapper, '事由').text()).toContain('事由不能含有链接')
    expect(router.currentRoute.value.fullPath).toBe('/my-cases/c1/edit')
  }, 15_000)

  it("uploads a material for this draft's field and shows the server's refusal at that field", async () => {
    const withProof = {
      ...FORM,
      properties: {
        ...FORM.properties,
        proof: {
          type: 'array',
          title: '证明材料',
          'x-component': 'Upload',
          'x-decorator': 'FormItem',
          'x-component-props': { maxSizeMB: 5 },
        },
      },
    }
    const sent: { caseId: unknown; field: unknown }[] = []
    stubApi({
      ...common,
      'GET /api/cases/c1': () => json(200, { ...draft({ name: '李明' }, 2), form: withProof }),
      'POST /api/files': (init) => {
        const body = init.body as FormData
        sent.push({ caseId: body.get('caseId'), field: body.get('field') })
        return json(413, {
          error: {
            code: 'FILE_TOO_LARGE',
            message: '文件超过 1 MB 上限，未保存任何文件',
            fields: { 'files.0': '证明.pdf 超过 1 MB 上限' },
          },
        })
      },
    })
    const { wrapper } = await mountPage(ApplyView, '/my-cases/c1/edit', { caseId: 'c1' })
    await flushPromises()
    const input = field(wrapper, '证明材料').find('[data-test=upload-input]')
    const file = new File(['%PDF-1.4'], '证明.pdf', { type: 'application/pdf' })
    Object.defineProperty(input.element, 'files', { value: [file] })
    await input.trigger('change')
    await flushPromises()
    expect(sent).toEqual([{ caseId: 'c1', field: 'proof' }])
    expect(field(wrapper, '证明材料').find('[role=alert]').text()).toBe('证明.pdf 超过 1 MB 上限')
  }, 15_000)
})
