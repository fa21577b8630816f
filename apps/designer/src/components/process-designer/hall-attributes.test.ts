import { describe, expect, it } from 'vitest'
import { formatApproval, formatAssignee, formatDeadline, formatTimeout, parseApproval, parseAssignee, parseDeadline, parseTimeout } from './hall-attributes'

describe('hall attribute values the properties panel edits', () => {
  it('reads and writes working-day deadlines, and leaves ISO durations alone', () => {
    expect(parseDeadline('3wd')).toEqual({ amount: 3, unit: 'wd' })
    expect(formatDeadline({ amount: 4, unit: 'h' })).toBe('4h')
    expect(formatDeadline({ amount: 0, unit: 'wd' })).toBeUndefined()
    expect(parseDeadline('PT2H')).toBeUndefined()
  })

  it('splits an assignee into candidates and joins them back in the engine syntax', () => {
    const text = 'post:p1,deptHead:2,initiatorChosen,field:applicant.leader'
    const candidates = parseAssignee(text)
    expect(candidates).toEqual([
      { kind: 'post', value: 'p1' },
      { kind: 'deptHead', value: '2' },
      { kind: 'initiatorChosen', value: '' },
      { kind: 'field', value: 'applicant.leader' },
    ])
    expect(formatAssignee(candidates!)).toBe(text)
    expect(formatAssignee([{ kind: 'user', value: '' }])).toBeUndefined()
  })

  it('keeps FEEL assignees and unknown kinds out of the picker', () => {
    expect(parseAssignee('=if days > 3 then "a" else "b"')).toBeUndefined()
    expect(parseAssignee('group:x')).toBeUndefined()
  })

  it('writes 会签 as all and a 60% ratio as ratio:0.6, and does not write the default', () => {
    expect(formatApproval({ mode: 'all' })).toBe('all')
    expect(formatApproval({ mode: 'ratio', ratio: 0.6 })).toBe('ratio:0.6')
    expect(formatApproval({ mode: 'single' })).toBeUndefined()
    expect(parseApproval('ratio:0.6')).toEqual({ mode: 'ratio', ratio: 0.6 })
    expect(parseApproval(undefined)).toEqual({ mode: 'single' })
  })

  it('writes escalation with its assignee and drops an escalation to nobody', () => {
    expect(formatTimeout({ action: 'escalate', escalateTo: 'deptHead:2' })).toBe('escalate:deptHead:2')
    expect(parseTimeout('escalate:deptHead:2')).toEqual({ action: 'escalate', escalateTo: 'deptHead:2' })
    expect(formatTimeout({ action: 'escalate' })).toBeUndefined()
    expect(parseTimeout('approve')).toEqual({ action: 'approve' })
  })
})
