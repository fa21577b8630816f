import { describe, expect, it } from 'vitest'
import { acceptedBy, availableActions, INTAKE_ACTIONS, suggestedAction } from './intake-actions'

describe('availableActions', () => {
  it('offers every intake outcome on a submitted case not yet accepted', () => {
    expect(availableActions({ status: 'running', accepted: false })).toEqual(['instant', 'promised', 'supplement', 'tolerate', 'refuse', 'joint', 'escalate', 'agency'])
  })

  it('offers only refusal while the applicant owes supplement materials, and nothing once the case ended', () => {
    expect(availableActions({ status: 'supplement', accepted: false })).toEqual(['refuse'])
    expect(availableActions({ status: 'completed', accepted: true })).toEqual([])
  })
})

describe('suggestedAction', () => {
  const materials = [
    { id: 'application', name: '许可申请书', main: true, mayBeMissing: false },
    { id: 'address', name: '经营场所证明', main: false, mayBeMissing: true },
  ]

  it('starts from a promised acceptance when every material was received', () => {
    expect(suggestedAction(INTAKE_ACTIONS, [], materials)).toBe('promised')
  })

  it('starts from tolerance when only materials the guide lets be missing are missing, else from supplement', () => {
    expect(suggestedAction(INTAKE_ACTIONS, ['address'], materials)).toBe('tolerate')
    expect(suggestedAction(INTAKE_ACTIONS, ['application', 'address'], materials)).toBe('supplement')
  })

  it('falls back to what the case offers', () => {
    expect(suggestedAction(['refuse'], ['address'], materials)).toBe('refuse')
  })
})

describe('acceptedBy', () => {
  it('counts an acceptance of any kind, not a supplement notice', () => {
    expect(acceptedBy([{ kind: 'supplement' }])).toBe(false)
    expect(acceptedBy([{ kind: 'supplement' }, { kind: 'joint' }])).toBe(true)
  })
})
