import { describe, expect, it } from 'vitest'
import type { Guide } from '@hall/server'
import { newGuide, newMaterial } from './guide-defaults'
import { guideHints, mergeProblems, problemsOf } from './guide-hints'

const complete: Guide = {
  ...newGuide(),
  legalBasis: ['《公务员考勤休假制度》'],
  conditions: '本单位在编职工',
  procedure: '申请、审批、备案',
  result: { kind: 'reply', name: '请假审批单', delivery: '线上查看' },
  contact: { phone: '0571-1234567', complaintPhone: '12345', address: '', hours: '' },
  promisedLimit: { value: 2, unit: 'wd' },
  legalLimit: { value: 5, unit: 'wd' },
}

describe('guide hints while editing', () => {
  it('asks for every "八公开" field of an empty guide', () => {
    const fields = guideHints(newGuide()).map((p) => p.field)
    expect(fields).toEqual([
      'legalBasis',
      'conditions',
      'procedure',
      'result',
      'contact.phone',
      'contact.complaintPhone',
      'promisedLimit',
      'legalLimit',
    ])
    expect(guideHints(complete)).toEqual([])
  })

  it('warns when the promise is not a third shorter than the legal limit, and errs when longer', () => {
    const close = guideHints({ ...complete, promisedLimit: { value: 4, unit: 'wd' } })
    expect(close).toEqual([{ field: 'promisedLimit', severity: 'warning', message: '承诺时限应比法定时限至少缩短三分之一' }])
    const hours = guideHints({ ...complete, promisedLimit: { value: 48, unit: 'h' } })
    expect(hours.map((p) => p.severity)).toEqual(['error'])
  })

  it('needs a fee basis once a fee is listed, and a name for each material', () => {
    const fees = guideHints({ ...complete, fees: [{ name: '工本费', amount: 10 }] })
    expect(fees.map((p) => p.field)).toEqual(['feeNote'])
    const unnamed = guideHints({ ...complete, materials: [newMaterial([])] })
    expect(problemsOf(unnamed, 'materials', true).map((p) => p.field)).toEqual(['materials.0.name'])
  })

  it('shows a problem the server already reported once', () => {
    const server = [{ field: 'conditions', severity: 'error' as const, message: '请填写受理条件' }]
    expect(mergeProblems(server, guideHints({ ...complete, conditions: '' }))).toEqual(server)
  })

  it('gives new materials ids that are unused and valid', () => {
    const first = newMaterial([])
    const second = newMaterial([{ ...first, id: 'material2' }])
    expect(first.id).toBe('material1')
    expect(second.id).toBe('material3')
  })
})
