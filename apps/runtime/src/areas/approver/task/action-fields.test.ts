import { describe, expect, it } from 'vitest'
import { bodyOf, emptyInput, missingFields } from './action-fields'

const PNG = 'data:image/png;base64,iVBORw0KGgo='

describe('action dialogs ask only what each action needs', () => {
  it('lets agree go without a comment, with the signature and the step’s edits', () => {
    const input = { ...emptyInput(), signature: PNG }
    expect(missingFields('agree', input)).toEqual([])
    expect(bodyOf('agree', input, { counsellorOpinion: '同意' })).toEqual({
      signature: PNG,
      data: { counsellorOpinion: '同意' },
    })
  })

  it('asks for the reason of a disagreement, a rejection and a return, and the step to return to', () => {
    expect(missingFields('disagree', { ...emptyInput(), comment: '  ' })).toEqual(['comment'])
    expect(missingFields('reject', emptyInput())).toEqual(['comment'])
    expect(missingFields('return', emptyInput())).toEqual(['comment', 'target'])
    expect(
      bodyOf('return', { ...emptyInput(), target: 'Task_counsellor', comment: ' 请核实 ' }),
    ).toEqual({ target: 'Task_counsellor', comment: '请核实' })
  })

  it('asks for a person to transfer or delegate to, and people to add as signers or CC', () => {
    expect(missingFields('transfer', emptyInput())).toEqual(['to'])
    expect(missingFields('addSigner', emptyInput())).toEqual(['users'])
    expect(
      bodyOf('addSigner', { ...emptyInput(), users: ['u2'], position: 'after', comment: 'x' }),
    ).toEqual({ users: ['u2'], position: 'after' })
    expect(bodyOf('cc', { ...emptyInput(), users: ['u3'] })).toEqual({ users: ['u3'] })
  })

  it('sends urge and claim with an empty body, and never sends edits with anything but a decision', () => {
    expect(bodyOf('urge', emptyInput())).toEqual({})
    expect(bodyOf('claim', emptyInput())).toEqual({})
    expect(
      bodyOf('reject', { ...emptyInput(), comment: '虚假' }, { counsellorOpinion: 'x' }),
    ).toEqual({ comment: '虚假' })
  })
})
