import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createHallI18n } from '@hall/web-common'
import type { Guide, GuideProblem } from '@hall/guide'
import en from '../../i18n/en'
import zhCN from '../../i18n/zh-CN'
import GuideEditor from './GuideEditor.vue'
import { newGuide } from './guide-defaults'

function editor(guide: Guide, problems: GuideProblem[] = []) {
  return mount(GuideEditor, {
    props: { modelValue: guide, problems },
    global: { plugins: [createHallI18n({ 'zh-CN': zhCN, en })] },
  })
}
const problemText = (wrapper: ReturnType<typeof editor>, field: string) =>
  wrapper.findAll(`[data-test="problem-${field}"]`).map((node) => node.text())

// Mounting Element Plus in happy-dom takes seconds on the loaded shared machine.
describe('the guide editor', { timeout: 120_000 }, () => {
  it('warns beside the promised limit when it is not a third shorter than the legal one', () => {
    const wrapper = editor({ ...newGuide(), promisedLimit: { value: 5, unit: 'wd' }, legalLimit: { value: 5, unit: 'wd' } })
    expect(problemText(wrapper, 'promisedLimit')).toEqual(['承诺时限应比法定时限至少缩短三分之一'])
  })

  it('shows the server problems next to their fields, once, and emits each edit as a whole guide', async () => {
    const wrapper = editor(newGuide(), [
      { field: 'conditions', severity: 'error', message: '请填写受理条件' },
      { field: 'materials', severity: 'warning', message: '材料清单为空：确认本事项无需申报材料' },
    ])
    expect(problemText(wrapper, 'conditions')).toEqual(['请填写受理条件'])
    expect(problemText(wrapper, 'materials')).toEqual(['材料清单为空：确认本事项无需申报材料'])
    await wrapper.find('textarea[data-test="guide-conditions"]').setValue('本单位职工')
    const emitted = wrapper.emitted('update:modelValue')?.at(-1)?.[0] as Guide
    expect(emitted).toEqual({ ...newGuide(), conditions: '本单位职工' })
  })

  it('adds a material with a fresh id and flags a main material that may be missing', async () => {
    const wrapper = editor(newGuide())
    await wrapper.find('[data-test="material-add"]').trigger('click')
    const [materials] = (wrapper.emitted('update:modelValue')?.at(-1)?.[0] as Guide).materials
    expect(materials).toMatchObject({ id: 'material1', main: true, mayBeMissing: false })
    const flagged = editor({ ...newGuide(), materials: [{ ...materials!, name: '身份证', mayBeMissing: true }] }, [
      { field: 'materials.0.mayBeMissing', severity: 'warning', message: '「身份证」是主件：主件缺失应退回，通常不容缺' },
    ])
    expect(problemText(flagged, 'materials.0.mayBeMissing')).toEqual(['「身份证」是主件：主件缺失应退回，通常不容缺'])
  })
})
