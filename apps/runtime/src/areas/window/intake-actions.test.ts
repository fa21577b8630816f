import { describe, expect, it } from 'vitest'
import { availableActions } from './intake-actions'

describe('availableActions', () => {
  it('offers every intake outcome on a submitted case not yet accepted', () => {
    expect(availableActions({ status: 'running', accepted: false })).toEqual(['instant', 'promised', 'supplement', 'tolerate', 'refuse', 'joint', 'escalate', 'agency'])
  })

  it('offers only refusal while the applicant owes supplement materials, and nothing once the case ended', () => {
    expect(availableActions({ status: 'supplement', accepted: false })).toEqual(['refuse'])
    expect(availableActions({ status: 'completed', accepted: true })).toEqual([])
  })
})
