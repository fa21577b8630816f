import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { PublishProblem } from '../../stores/items'
import PublishProblems from './PublishProblems.vue'
import { designerI18n } from './test-i18n'

const problems: PublishProblem[] = [
  { part: 'binding', severity: 'error', elementId: 'Task_a', message: '「审核」的办理人：本单位没有岗位 P-9' },
  { part: 'guide', severity: 'warning', path: 'promisedLimit', message: '承诺时限应比法定时限至少缩短三分之一' },
  { part: 'process', severity: 'error', elementId: 'f3', message: 'FEEL syntax error' },
  { part: 'guide', severity: 'error', path: 'contact.phone', message: '请填写咨询电话' },
  { part: 'form', severity: 'error', path: 'college', message: 'Unknown prefill path dc:person.shoeSize' },
]

const render = () => mount(PublishProblems, { props: { problems }, global: { plugins: [designerI18n()] } })

describe('publish problems list', () => {
  it('lists every problem grouped by part, in guide, form, process, binding order', () => {
    const wrapper = render()
    const headings = wrapper.findAll('h3').map((h) => h.text())
    expect(headings).toEqual(['办事指南 (2)', '表单 (1)', '流程 (1)', '关联检查 (1)'])
    expect(wrapper.findAll('[data-test=problem]')).toHaveLength(5)
    expect(wrapper.find('[data-test=problems-binding]').text()).toContain('元素：Task_a')
  })

  it('puts the errors of a part before its warnings', () => {
    const guide = render().find('[data-test=problems-guide]').findAll('[data-test=problem]').map((p) => p.text())
    expect(guide[0]).toMatch(/^错误\s*请填写咨询电话\s*位置：contact\.phone$/)
    expect(guide[1]).toContain('提示')
  })

  it('hands the chosen problem to the editor so it can select the element', async () => {
    const wrapper = render()
    await wrapper.find('[data-test=problems-process] [data-test=problem]').trigger('click')
    expect(wrapper.emitted('select')).toEqual([[problems[2]]])
  })
})
