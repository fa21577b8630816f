import { describe, expect, it } from 'vitest'
import { beijingToday } from './beijing-day'

describe('beijingToday', () => {
  it('counts the day in Beijing, so a booking made late in the UTC evening lands on the next date', () => {
    expect(beijingToday(new Date('2026-11-23T16:30:00Z'))).toBe('2026-11-24')
    expect(beijingToday(new Date('2026-11-23T15:59:00Z'))).toBe('2026-11-23')
  })
})
