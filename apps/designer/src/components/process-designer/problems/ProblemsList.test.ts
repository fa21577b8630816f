import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { designerI18n } from '../../items/test-i18n'
import type { Problem } from '../types'
import { ENABLED_RULES } from './bpmnlint-rules'
import ProblemsList from './ProblemsList.vue'
import { lintMessageKey } from './use-problems'

const problems: Problem[] = [
  { elementId: 'Task_1', severity: 'error', message: '任务“科室审核”未设置办理人' },
  { elementId: 'Task_2', severity: 'error', message: '元素没有后续流向：流程会在此隐式结束，请连到结束事件', rule: 'bpmnlint/no-implicit-end' },
  { severity: 'warning', message: '流程缺少开始事件' },
]

describe('the process problems list', () => {
  it("shows our rules' and bpmnlint's problems together, bpmnlint's with their rule", () => {
    const items = mount(ProblemsList, { props: { problems }, global: { plugins: [designerI18n()] } }).findAll('[data-test=problem]')
    expect(items.map((item) => item.text())).toEqual([
      '错误任务“科室审核”未设置办理人',
      '错误元素没有后续流向：流程会在此隐式结束，请连到结束事件bpmnlint/no-implicit-end',
      '提醒流程缺少开始事件',
    ])
  })

  it('selects the element of a clicked problem; one without an element cannot be clicked', async () => {
    const wrapper = mount(ProblemsList, { props: { problems }, global: { plugins: [designerI18n()] } })
    const items = wrapper.findAll('[data-test=problem]')
    await items[1]!.trigger('click')
    expect(wrapper.emitted('pick')).toEqual([['Task_2']])
    expect(items[2]!.attributes('disabled')).toBeDefined()
  })

  it('words every bpmnlint rule that runs in Chinese and in English', () => {
    const i18n = designerI18n()
    for (const locale of ['zh-CN', 'en'] as const) {
      const missing = ENABLED_RULES.filter((rule) => !i18n.global.te(lintMessageKey(rule), locale))
      expect(missing, locale).toEqual([])
    }
  })
})
