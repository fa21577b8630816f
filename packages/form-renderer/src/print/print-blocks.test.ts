import { describe, expect, it } from 'vitest'
import { evaluateReactions } from '@hall/form-schema'
import { messagesFor } from '../messages'
import { leaveDictionaries, leaveForm, validLeave } from '../../fixture/schemas'
import { printBlocks, printLines } from './print-blocks'

const format = { messages: messagesFor('zh-CN'), dictionaries: leaveDictionaries, optionTrees: {} }

describe('print blocks', () => {
  it('lays short fields out in pairs and gives long ones and tables a whole line', () => {
    const blocks = printBlocks(
      leaveForm,
      validLeave,
      evaluateReactions(leaveForm, validLeave),
      format,
    )
    const lines = printLines(blocks).map((line) =>
      line.kind === 'pair' ? line.blocks.map((b) => b.label).join(' | ') : `${line.block.kind}`,
    )
    expect(lines).toEqual([
      '姓名 | 手机号',
      '请假类型 | 开始日期',
      '结束日期 | 天数',
      'table',
      '合计',
      'field',
    ])
  })

  it('prints option labels, table cells and an empty mark for missing values', () => {
    const blocks = printBlocks(
      leaveForm,
      validLeave,
      evaluateReactions(leaveForm, validLeave),
      format,
    )
    const table = blocks.find((b) => b.kind === 'table')
    expect(table).toMatchObject({
      columns: ['费用类型', '金额', '说明'],
      rows: [
        ['火车票', '¥120.50（壹佰贰拾元伍角）', '—'],
        ['住宿费', '¥300.00（叁佰元整）', '—'],
      ],
    })
    expect(blocks.find((b) => b.kind === 'field' && b.path === 'leaveType')).toMatchObject({
      text: '事假',
    })
  })

  it('leaves out fields a reaction hides and shows them once it reveals them', () => {
    const sick = {
      ...validLeave,
      leaveType: 'sick',
      certificate: [{ id: 'f1', name: '诊断书.pdf', size: 1, type: 'application/pdf' }],
    }
    const labels = (data: Record<string, unknown>) =>
      printBlocks(leaveForm, data, evaluateReactions(leaveForm, data), format).flatMap((b) =>
        'label' in b ? [b.label] : [],
      )
    expect(labels(validLeave)).not.toContain('医院证明')
    expect(printBlocks(leaveForm, sick, evaluateReactions(leaveForm, sick), format)).toContainEqual(
      expect.objectContaining({ label: '医院证明', text: '诊断书.pdf', wide: true }),
    )
  })
})
