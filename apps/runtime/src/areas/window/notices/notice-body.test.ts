import { describe, expect, it } from 'vitest'
import { noticeLines } from './notice-body'

describe('noticeLines', () => {
  it('lists every missing material of a one-time supplement notice on one line, checklist first', () => {
    const lines = noticeLines({ id: 'n1', kind: 'supplement', createdAt: '', data: { materials: [{ id: 'idcard', name: '居民身份证复印件' }, { id: 'proof', name: '参保缴费凭证' }], others: ['户口簿'], note: null } })
    expect(lines).toEqual([{ labelKey: 'window.notice.field.materials', value: '居民身份证复印件；参保缴费凭证；户口簿' }])
  })

  it('gives a promised acceptance its limit in working days and its due date', () => {
    const lines = noticeLines({ id: 'n2', kind: 'acceptance', createdAt: '', data: { kind: 'promised', promisedLimit: { value: 5, unit: 'wd' }, due: '2026-11-30T10:00:00.000Z' } })
    expect(lines).toEqual([
      { labelKey: 'window.notice.field.kind', value: '承诺件' },
      { labelKey: 'window.notice.field.promisedLimit', value: '5 个工作日' },
      { labelKey: 'window.notice.field.due', value: '2026-11-30T10:00:00.000Z', date: true },
    ])
  })

  it('states reasons, basis, remedy and review rights on a refusal and leaves out nothing given', () => {
    const keys = noticeLines({ id: 'n3', kind: 'refusal', createdAt: '', data: { reasons: '不属于受理范围', legalBasis: '第十九条', remedy: '到户籍地办理', reviewRights: '六十日内申请行政复议' } }).map((line) => line.labelKey)
    expect(keys).toEqual(['window.notice.field.reasons', 'window.notice.field.legalBasis', 'window.notice.field.remedy', 'window.notice.field.reviewRights'])
  })
})
