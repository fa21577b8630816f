import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import type { GuideInput } from '@hall/guide'
import { json, mountPage, stubApi } from '../testing/mount-page'
import CatalogView from './CatalogView.vue'

const guide = (overrides: GuideInput): GuideInput => ({
  summary: '',
  itemType: 'promised',
  themes: [],
  audiences: [],
  legalBasis: [],
  conditions: '',
  materials: [],
  procedure: '',
  fees: [],
  feeNote: '',
  contact: { phone: '', complaintPhone: '', address: '', hours: '' },
  maxVisits: 1,
  onlineApply: true,
  ...overrides,
})
const entry = (itemId: string, name: string, deptId: string, deptName: string, g: GuideInput) => ({
  itemId,
  code: itemId.toUpperCase(),
  name,
  deptId,
  deptName,
  version: 1,
  definitionId: `def-${itemId}`,
  guide: guide(g),
})
const CATALOG = [
  entry('leave', '学生请假销假', 'xgc', '学生工作处', {
    themes: ['学生事务', '请假'],
    promisedLimit: { value: 2, unit: 'wd' },
  }),
  entry('room', '空闲教室借用', 'jwc', '教务处', { themes: ['教学'], itemType: 'instant' }),
  entry('card', '校园卡补办', 'xgc', '学生工作处', {
    themes: ['学生事务'],
    onlineApply: false,
    promisedLimit: { value: 5, unit: 'wd' },
  }),
]

async function mountCatalog() {
  stubApi({ 'GET /api/items/published': () => json(200, { items: CATALOG }) })
  const { wrapper } = await mountPage(CatalogView, '/services')
  await flushPromises()
  return wrapper
}
const names = (wrapper: Awaited<ReturnType<typeof mountCatalog>>) =>
  wrapper.findAll('[data-test=catalog-item] h2').map((h) => h.text())

/** Opens an Element Plus select and clicks the option with that label, as a user does. */
async function choose(
  wrapper: Awaited<ReturnType<typeof mountCatalog>>,
  select: string,
  label: string,
) {
  await wrapper.find(`[data-test=${select}] .el-select__wrapper`).trigger('click')
  await flushPromises()
  const option = [...document.querySelectorAll<HTMLElement>('.el-select-dropdown__item')].find(
    (item) => item.textContent?.trim() === label,
  )
  if (!option) throw new Error(`no option ${label} in ${select}`)
  option.click()
  await flushPromises()
}

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

describe('CatalogView', () => {
  it('shows each item with its type, promised limit and whether it can be applied for online', async () => {
    const wrapper = await mountCatalog()
    const [leave, room, card] = wrapper.findAll('[data-test=catalog-item]')
    expect(leave!.attributes('href')).toBe('/services/leave')
    expect(leave!.find('[data-test=item-type]').text()).toBe('承诺件')
    expect(leave!.find('[data-test=item-limit]').text()).toBe('承诺时限：2 个工作日')
    expect(leave!.find('[data-test=item-online]').text()).toBe('可在线申请')
    expect(room!.find('[data-test=item-type]').text()).toBe('即办件')
    expect(room!.find('[data-test=item-limit]').text()).toBe('当场办结')
    expect(card!.find('[data-test=item-online]').text()).toBe('需到窗口办理')
  })

  it('narrows the list by name, by department and by theme, together', async () => {
    const wrapper = await mountCatalog()
    await wrapper.find('input[data-test=catalog-search]').setValue('请假')
    expect(names(wrapper)).toEqual(['学生请假销假'])
    await wrapper.find('input[data-test=catalog-search]').setValue('')
    expect(names(wrapper)).toHaveLength(3)

    await choose(wrapper, 'catalog-dept', '学生工作处')
    expect(names(wrapper)).toEqual(['学生请假销假', '校园卡补办'])
    await choose(wrapper, 'catalog-theme', '请假')
    expect(names(wrapper)).toEqual(['学生请假销假'])
    await choose(wrapper, 'catalog-dept', '教务处')
    expect(names(wrapper)).toEqual([])
    expect(wrapper.text()).toContain('没有符合条件的事项')
  })
})
