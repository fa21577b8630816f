import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { json, mountPage, stubApi } from '../../applicant/testing/mount-page'
import DeskIntakeView from './DeskIntakeView.vue'

const FORM = { type: 'object', properties: { name: { type: 'string', title: '姓名', required: true, 'x-component': 'Input', 'x-decorator': 'FormItem' } } }
const material = (id: string, name: string) => ({ id, name, copies: 1, form: 'copy', main: true, mayBeMissing: false, offline: true })
const MATERIALS = [material('idcard', '居民身份证复印件'), material('application', '转移申请表')]
const ITEM = { itemId: 'pension', code: 'pension', name: '养老保险关系转移', deptId: 'w-hr', deptName: '人力资源社会保障窗口', version: 1, definitionId: 'def', guide: { materials: MATERIALS } }
const DRAFT = { id: 'd1', caseNo: null, itemId: 'pension', itemName: '养老保险关系转移', status: 'draft', revision: 1, form: FORM, data: {}, awaiting: [] }
const LI_NA = { id: 'u-li', name: '李娜', phone: '139****1202', idNumber: '341524********0129', personNo: null }

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const bodyOf = (fetch: ReturnType<typeof stubApi>, method: string, path: string) =>
  JSON.parse(String(fetch.mock.calls.find(([url, init]) => init?.method === method && String(url).split('?')[0] === path)![1]!.body)) as Record<string, unknown>

describe('DeskIntakeView', () => {
  it('catches a wrong ID check digit at the counter, registers the found person, submits for them and asks for what was not handed over', async () => {
    const fetch = stubApi({
      'GET /api/items/published': () => json(200, { items: [ITEM] }),
      'GET /api/cases/desk/applicants': () => json(200, { items: [LI_NA] }),
      'POST /api/cases': () => json(201, DRAFT),
      'GET /api/cases/d1': () => json(200, DRAFT),
      'GET /api/cases/d1/checklist': () => json(200, { materials: MATERIALS.map(({ id, name, copies, form, main, mayBeMissing }) => ({ id, name, copies, form, main, mayBeMissing })) }),
      'POST /api/cases/d1/submit': () => json(200, { caseId: 'd1', caseNo: '2026120700001', itemName: '养老保险关系转移', submittedAt: '2026-12-07T01:00:00.000Z', status: 'running', nextSteps: [], promiseDue: null }),
      'GET /api/org/departments': () => json(200, { items: [] }),
      'POST /api/cases/d1/supplement': () => json(201, { id: 'n1', kind: 'supplement', data: {}, createdAt: '2026-12-07T01:00:00.000Z' }),
    })
    const { wrapper, router } = await mountPage(DeskIntakeView, '/window/desk')
    await flushPromises()
    await wrapper.find('[data-test=desk-item-select] .el-select__wrapper').trigger('click')
    ;(document.querySelector('.el-select-dropdown__item') as HTMLElement).click()
    await flushPromises()

    await wrapper.find('input[data-test=desk-identity-input]').setValue('341524199007080128')
    await wrapper.find('[data-test=desk-look-up]').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=desk-identity-error]').text()).toBe('身份证号码校验位不正确，请核对是否输错')
    expect(fetch.mock.calls.some(([url]) => String(url).includes('/desk/applicants'))).toBe(false)

    await wrapper.find('input[data-test=desk-identity-input]').setValue('341524199007080129')
    await wrapper.find('form.desk-intake__lookup').trigger('submit')
    await flushPromises()
    expect(wrapper.find('[data-test=desk-match]').text()).toContain('李娜')
    await wrapper.find('[data-test=desk-pick]').trigger('click')
    await flushPromises()
    expect(bodyOf(fetch, 'POST', '/api/cases')).toEqual({ itemId: 'pension', applicantId: 'u-li', data: {} })

    await wrapper.find('[data-test=desk-form] input').setValue('李娜')
    await wrapper.find('[data-test=desk-received-application] input').setValue(true)
    await wrapper.find('[data-test=desk-submit]').trigger('click')
    await flushPromises()
    expect(bodyOf(fetch, 'POST', '/api/cases/d1/submit')).toEqual({ data: { name: '李娜' }, revision: 1 })

    // The ID copy was not handed over: the one-time supplement notice is offered with it ticked.
    expect(wrapper.find('[data-test=action-supplement]').classes()).toContain('is-active')
    await wrapper.find('[data-test=intake-submit]').trigger('submit')
    await flushPromises()
    expect(bodyOf(fetch, 'POST', '/api/cases/d1/supplement')).toEqual({ materialIds: ['idcard'], others: [] })
    expect(router.currentRoute.value.fullPath).toBe('/cases/d1/notices/n1')
  })
})
