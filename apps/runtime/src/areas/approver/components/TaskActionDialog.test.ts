import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createHallI18n } from '@hall/web-common'
import en from '../../../i18n/en'
import zhCN from '../../../i18n/zh-CN'
import TaskActionDialog from './TaskActionDialog.vue'
import type { TaskAction } from '../task/action-fields'

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  document.body.innerHTML = ''
})

async function open(action: TaskAction) {
  wrapper = mount(TaskActionDialog, {
    props: { action: null, returnTargets: [{ step: 'Task_counsellor', name: '辅导员审批' }] },
    global: { plugins: [createHallI18n({ 'zh-CN': zhCN, en })] },
    attachTo: document.body,
  })
  await wrapper.setProps({ action })
  await flushPromises()
  return wrapper
}
const dialog = () => document.querySelector('[data-test=action-dialog]')!
/** The labels of the fields marked as wrong (their message fades in through a transition). */
const marked = () =>
  [...dialog().querySelectorAll('.el-form-item.is-error .el-form-item__label')].map(
    (label) => label.textContent,
  )
const confirm = async () => {
  ;(document.querySelector('[data-test=action-confirm]') as HTMLButtonElement).click()
  await flushPromises()
}

describe('TaskActionDialog', () => {
  it('asks a disagreement for its reason and sends nothing until it is given', async () => {
    const w = await open('disagree')
    expect(dialog().textContent).toContain('不同意')
    expect(dialog().querySelector('[data-test=signature-pad]')).not.toBeNull()
    await confirm()
    expect(marked()).toEqual(['意见'])
    expect(w.emitted('confirm')).toBeUndefined()

    const comment = dialog().querySelector(
      'textarea[data-test=action-comment]',
    ) as HTMLTextAreaElement
    comment.value = '理由不充分'
    comment.dispatchEvent(new Event('input'))
    await confirm()
    expect(w.emitted('confirm')?.[0]).toEqual([
      'disagree',
      expect.objectContaining({ comment: '理由不充分', signature: undefined }),
    ])
  })

  it('lets agree go at once, with an optional comment and a signature pad', async () => {
    const w = await open('agree')
    expect(dialog().querySelector('[data-test=signature-pad]')).not.toBeNull()
    await confirm()
    expect(w.emitted('confirm')?.[0]?.[0]).toBe('agree')
  })

  it('asks a return for the step and the reason, and a transfer only for the person', async () => {
    await open('return')
    expect(dialog().querySelector('[data-test=return-target]')).not.toBeNull()
    await confirm()
    expect(marked()).toEqual(['退回到', '意见'])
    wrapper!.unmount()
    document.body.innerHTML = ''

    await open('transfer')
    expect(dialog().querySelector('[data-test=user-picker]')).not.toBeNull()
    expect(dialog().querySelector('[data-test=signature-pad]')).toBeNull()
    expect(dialog().querySelector('[data-test=return-target]')).toBeNull()
    await confirm()
    expect(marked()).toEqual(['交给'])
  })
})
