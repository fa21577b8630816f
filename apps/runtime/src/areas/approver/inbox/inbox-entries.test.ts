import { describe, expect, it } from 'vitest'
import {
  batchSelection,
  canBatchAgree,
  itemOptions,
  markOf,
  type InboxEntry,
} from './inbox-entries'

const entry = (overrides: Partial<InboxEntry>): InboxEntry => ({
  taskId: 't1',
  caseId: 'c1',
  caseNo: '2026120100001',
  caseStatus: 'running',
  itemId: 'i1',
  itemName: '学生请假',
  applicantName: '李明',
  step: 'Task_counsellor',
  name: '辅导员审批',
  status: 'open',
  claimable: false,
  delegated: false,
  createdAt: '2026-12-01T01:00:00.000Z',
  due: '2026-12-02T10:00:00.000Z',
  warnAt: null,
  completedAt: null,
  outcome: null,
  ccBy: null,
  comment: null,
  warn: false,
  overdue: false,
  ...overrides,
})

describe('inbox marks', () => {
  it('marks an overdue task red even though it is past its warning too, a warned one yellow, others not', () => {
    expect(markOf(entry({ warn: true, overdue: true }))).toBe('overdue')
    expect(markOf(entry({ warn: true }))).toBe('warn')
    expect(markOf(entry({}))).toBeNull()
  })
})

describe('batch agree selection', () => {
  const mine = entry({ taskId: 'a' })
  const claimable = entry({ taskId: 'b', claimable: true })
  const waiting = entry({ taskId: 'c', status: 'waiting' })
  const other = entry({ taskId: 'd' })

  it('sends only the selected tasks that are mine and open, in list order', () => {
    expect(
      batchSelection('todo', [other, mine, claimable, waiting], new Set(['a', 'b', 'c', 'd'])),
    ).toEqual(['d', 'a'])
    expect(batchSelection('todo', [other, mine], new Set(['a']))).toEqual(['a'])
  })

  it('never batch-agrees from the done or CC box', () => {
    expect(canBatchAgree('done', mine)).toBe(false)
    expect(canBatchAgree('cc', mine)).toBe(false)
    expect(canBatchAgree('todo', entry({ taskId: null }))).toBe(false)
  })

  it('keeps items seen before in the item filter after filtering narrows the list', () => {
    const known = itemOptions(
      [
        entry({ itemId: 'i1', itemName: '学生请假' }),
        entry({ itemId: 'i2', itemName: '调课申请' }),
      ],
      new Map(),
    )
    expect([...itemOptions([entry({ itemId: 'i1' })], known)]).toEqual([
      ['i1', '学生请假'],
      ['i2', '调课申请'],
    ])
  })
})
