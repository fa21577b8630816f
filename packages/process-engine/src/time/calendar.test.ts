import { describe, expect, it } from 'vitest'
import { createCalendar } from './calendar'
import { parseDeadline } from './duration'

const cal = createCalendar()
const wd = (days: number) => ({ kind: 'workingDays', days }) as const
const local = (d: Date) => cal.format(d)

describe('working-day calendar', () => {
  it('does not count the starting day and ends at 18:00 on the n-th working day', () => {
    expect(local(cal.deadline(new Date('2026-09-29T10:00:00+08:00'), wd(1)))).toBe('2026-09-30T18:00:00+08:00')
  })

  it('skips the National Day holiday and counts the 调休 make-up Saturday', () => {
    // 2026: Oct 1–7 off; Sat Oct 10 (and Sun Sep 20) are make-up working days.
    expect(local(cal.deadline(new Date('2026-09-30T10:00:00+08:00'), wd(1)))).toBe('2026-10-08T18:00:00+08:00')
    expect(local(cal.deadline(new Date('2026-10-09T10:00:00+08:00'), wd(1)))).toBe('2026-10-10T18:00:00+08:00')
  })

  it('applies per-unit overrides before the statutory calendar', () => {
    const unit = createCalendar({ overrides: { '2026-09-30': false } })
    expect(unit.format(unit.deadline(new Date('2026-09-29T10:00:00+08:00'), wd(1)))).toBe('2026-10-08T18:00:00+08:00')
  })

  it('counts office time only between two instants', () => {
    const ms = cal.workingMsBetween(new Date('2026-09-29T11:00:00+08:00'), new Date('2026-09-30T09:30:00+08:00'))
    expect(ms / 3_600_000).toBe(1 + 3.5 + 1)
  })

  it('adds office time across lunch and nights', () => {
    expect(local(cal.addWorkingMs(new Date('2026-09-29T11:00:00+08:00'), 2 * 3_600_000))).toBe('2026-09-29T15:30:00+08:00')
    expect(local(cal.addWorkingMs(new Date('2026-09-30T18:00:00+08:00'), 3_600_000))).toBe('2026-10-08T09:30:00+08:00')
  })

  it('moves warnings back by working days or elapsed time', () => {
    const due = new Date('2026-10-08T18:00:00+08:00')
    expect(local(cal.before(due, wd(1)))).toBe('2026-09-30T18:00:00+08:00')
    expect(local(cal.before(due, parseDeadline('2h')!))).toBe('2026-10-08T16:00:00+08:00')
  })

  it('parses hall units and ISO durations, and rejects anything else', () => {
    expect(parseDeadline('5wd')).toEqual(wd(5))
    expect(parseDeadline('30m')).toEqual({ kind: 'elapsed', ms: 1_800_000 })
    expect(parseDeadline('P1DT2H')).toEqual({ kind: 'elapsed', ms: 26 * 3_600_000 })
    expect(parseDeadline('P')).toBeUndefined()
    expect(parseDeadline('5 days')).toBeUndefined()
  })
})
