import { describe, expect, it } from 'vitest'
import { guideProblems, type Guide } from '@hall/guide'
import { newGuide, newMaterial } from './guide-defaults'
import { mergeProblems, problemsOf } from './guide-problems'

const complete: Guide = {
  ...newGuide(),
  legalBasis: ['《公务员考勤休假制度》'],
  conditions: '本单位在编职工',
  procedure: '申请、审批、备案',
  result: { kind: 'reply', name: '请假审批单', delivery: '线上查看' },
  contact: { phone: '0571-1234567', complaintPhone: '12345', address: '', hours: '' },
  promisedLimit: { value: 2, unit: 'wd' },
  legalLimit: { value: 5, unit: 'wd' },
  materials: [{ ...newMaterial([]), name: '居民身份证' }],
}

describe('guide problems in the editor', () => {
  it('finds the problems of one material row among all of them', () => {
    const unnamed = guideProblems({ ...complete, materials: [...complete.materials, newMaterial(complete.materials)] })
    expect(problemsOf(unnamed, 'materials', true).map((p) => p.field)).toEqual(['materials.1.name'])
    expect(problemsOf(unnamed, 'materials')).toEqual([])
  })

  it('shows a problem the server already reported once', () => {
    const server = [{ field: 'conditions', severity: 'error' as const, message: '请填写受理条件' }]
    expect(mergeProblems(server, guideProblems({ ...complete, conditions: '' }))).toEqual(server)
  })

  it('gives new materials ids that are unused and valid', () => {
    const first = newMaterial([])
    const second = newMaterial([{ ...first, id: 'material2' }])
    expect(first.id).toBe('material1')
    expect(second.id).toBe('material3')
  })
})
