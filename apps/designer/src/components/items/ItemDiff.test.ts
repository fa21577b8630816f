import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { ItemDiff as Diff } from '../../stores/items'
import ItemDiff from './ItemDiff.vue'
import { designerI18n } from './test-i18n'

const diff: Diff = {
  from: 'v1',
  to: 'v2',
  guide: [
    { field: 'promisedLimit', label: '承诺时限', change: 'changed', old: '3个工作日', new: '2个工作日' },
    { field: 'materials.photo', label: '申报材料', change: 'added', new: '照片' },
  ],
  form: [
    { path: 'days', label: '请假天数', change: 'changed', properties: [{ key: 'required', label: '必填', new: '是' }] },
    { path: 'reason', label: '事由', change: 'removed', properties: [] },
  ],
  process: [
    { id: 'Task_a', name: '审核', type: 'userTask', change: 'changed', attributes: [{ key: 'hall:assignee', label: '办理人', old: 'role:approver', new: 'deptHead:1' }] },
  ],
}

const render = (value: Diff, locale = 'zh-CN') => {
  const i18n = designerI18n()
  i18n.global.locale.value = locale as 'zh-CN'
  return mount(ItemDiff, { props: { diff: value }, global: { plugins: [i18n] } })
}

describe('item diff view', () => {
  it('shows each guide field, form field and process step that changed, old → new', () => {
    const wrapper = render(diff)
    expect(wrapper.text()).toContain('第 1 版 → 第 2 版')
    const guide = wrapper.find('[data-test=diff-guide]').text()
    expect(guide).toContain('修改承诺时限3个工作日 → 2个工作日')
    expect(guide).toContain('新增申报材料照片')
    const form = wrapper.find('[data-test=diff-form]').text()
    expect(form).toContain('请假天数')
    expect(form).toContain('必填：（空） → 是')
    expect(form).toContain('删除事由')
    expect(wrapper.find('[data-test=diff-process]').text()).toContain('办理人：role:approver → deptHead:1')
  })

  it('says so when a part did not change, and when nothing did', () => {
    expect(render({ ...diff, to: 'draft', process: [] }).find('[data-test=diff-process]').text()).toContain('无变化')
    const none = render({ from: 'v2', to: 'draft', guide: [], form: [], process: [] })
    expect(none.find('[data-test=diff-none]').text()).toBe('两者没有差异')
    expect(none.text()).toContain('第 2 版 → 草稿')
  })

  it('speaks English when switched', () => {
    const wrapper = render(diff, 'en')
    expect(wrapper.text()).toContain('Version 1 → Version 2')
    expect(wrapper.find('[data-test=diff-guide]').text()).toContain('Changed')
  })
})
