import { describe, expect, it } from 'vitest'
import { lastMonth, STATE_TAG, workingTime } from './display'

describe('supervision display rules', () => {
  it('marks overdue steps red and warned ones yellow', () => {
    expect(STATE_TAG).toEqual({ overdue: 'danger', warned: 'warning', on_time: 'success' })
  })

  it('shows office time in 7-hour working days and half hours', () => {
    expect(workingTime(0)).toEqual({ days: 0, hours: 0 })
    expect(workingTime(9.75 * 3600_000)).toEqual({ days: 1, hours: 2.5 })
  })

  it('assesses the month that ended, in Beijing time, across the new year', () => {
    expect(lastMonth(new Date('2026-12-01T10:00:00+08:00'))).toBe('2026-11')
    expect(lastMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2026-12') // already 1 January in Beijing
    expect(lastMonth(new Date('2027-01-15T10:00:00+08:00'))).toBe('2026-12')
  })
})
