import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createHallI18n } from '@hall/web-common'
import en from '../../i18n/en'
import zhCN from '../../i18n/zh-CN'
import CaseTimeline from './CaseTimeline.vue'
import type { TimelineEntry } from './types'

const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
  type: 'task.completed',
  at: '2026-11-23T02:00:00.000Z',
  step: 'Task_counsellor',
  stepName: '辅导员审批',
  handlerId: 'u2',
  handlerName: '彭雪',
  due: '2026-11-24T10:00:00.000Z',
  outcome: 'agree',
  comment: null,
  signature: null,
  ...overrides,
})

const mountTimeline = (entries: TimelineEntry[]) =>
  mount(CaseTimeline, {
    props: { entries },
    global: { plugins: [createHallI18n({ 'zh-CN': zhCN, en })] },
  })

describe('CaseTimeline', () => {
  it('reads each step as the applicant does: the step, what happened, who, by when, and the comment', () => {
    const wrapper = mountTimeline([
      entry({
        type: 'process.started',
        step: 'Start',
        stepName: null,
        handlerName: '李明',
        due: null,
        outcome: null,
      }),
      entry({ comment: '情况属实' }),
    ])
    const [started, agreed] = wrapper.findAll('[data-test=timeline-entry]')
    expect(started!.text()).toContain('提交申请')
    expect(started!.text()).toContain('办理人：李明')
    expect(agreed!.text()).toContain('辅导员审批')
    expect(agreed!.text()).toContain('已办理')
    expect(agreed!.text()).toContain('同意')
    expect(agreed!.text()).toContain('办理人：彭雪')
    expect(agreed!.text()).toContain('办理时限：')
    expect(agreed!.text()).toContain('情况属实')
  })

  it('marks a step done after its due time in red', () => {
    const wrapper = mountTimeline([entry({ at: '2026-11-25T02:00:00.000Z' }), entry({})])
    const [late, onTime] = wrapper.findAll('[data-test=timeline-entry]')
    expect(late!.find('.case-timeline__late').exists()).toBe(true)
    expect(onTime!.find('.case-timeline__late').exists()).toBe(false)
  })

  it('names an automatic completion by its reason instead of showing the reason as a comment', () => {
    const wrapper = mountTimeline([
      entry({
        type: 'task.auto-completed',
        stepName: '消防部门审批',
        handlerName: null,
        comment: 'timeout',
      }),
      // What the engine writes next for the same step: the completion the timeout caused.
      entry({
        stepName: '消防部门审批',
        handlerId: 'system',
        handlerName: null,
        comment: 'timeout',
      }),
      entry({ type: 'task.auto-completed', comment: 'unchanged' }),
    ])
    const shown = wrapper.findAll('[data-test=timeline-entry]')
    expect(shown).toHaveLength(2)
    const [timedOut, unchanged] = shown
    expect(timedOut!.text()).toContain('消防部门审批超时自动办理同意')
    expect(timedOut!.text()).not.toContain('timeout')
    expect(unchanged!.text()).toContain('未改动，自动通过')
    expect(unchanged!.find('.case-timeline__comment').exists()).toBe(false)
  })

  it('reads a delivered message and the end of the case in words, not codes', () => {
    const wrapper = mountTimeline([
      entry({
        type: 'message.correlated',
        step: 'Wait_return',
        stepName: null,
        handlerName: '李明',
        due: null,
        outcome: null,
        comment: '已返校',
      }),
      entry({
        type: 'process.completed',
        step: null,
        stepName: null,
        handlerName: null,
        due: null,
        outcome: 'completed',
      }),
    ])
    const [delivered, completed] = wrapper.findAll('[data-test=timeline-entry]')
    expect(delivered!.text()).toContain('已确认')
    expect(delivered!.text()).toContain('办理人：李明')
    expect(delivered!.text()).toContain('已返校')
    expect(completed!.text()).toContain('办结')
    expect(completed!.text()).not.toContain('completed')
  })

  it('shows an unknown event by its code rather than nothing, and says so when there is no history', () => {
    expect(mountTimeline([entry({ type: 'task.something-new', stepName: null })]).text()).toContain(
      'task.something-new',
    )
    expect(mountTimeline([]).text()).toContain('尚无办理记录')
  })
})
