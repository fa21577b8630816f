import { describe, expect, it } from 'vitest'
import { emptyGuide, guideProblems, guideSchema, type Guide } from './guide'

const complete = (): Guide =>
  guideSchema.parse({
    itemType: 'promised',
    legalBasis: ['《中华人民共和国行政许可法》'],
    conditions: '申请人为本县户籍居民',
    procedure: '申请—受理—审核—办结',
    materials: [{ id: 'idcard', name: '居民身份证', form: 'copy' }],
    promisedLimit: { value: 5, unit: 'wd' },
    legalLimit: { value: 20, unit: 'wd' },
    result: { kind: 'licence', name: '许可证' },
    contact: { phone: '0577-1234567', complaintPhone: '12345' },
  })

describe('guideProblems', () => {
  it('lists every missing 八公开 field of an empty guide at once', () => {
    const fields = guideProblems(emptyGuide())
      .filter((problem) => problem.severity === 'error')
      .map((problem) => problem.field)
    expect(fields).toEqual(
      expect.arrayContaining(['legalBasis', 'conditions', 'procedure', 'result', 'contact.phone', 'contact.complaintPhone', 'promisedLimit', 'legalLimit']),
    )
  })

  it('has nothing to say about a complete guide', () => {
    expect(guideProblems(complete())).toEqual([])
  })

  it('warns when the promised limit is not at least a third shorter than the legal one', () => {
    const guide = { ...complete(), promisedLimit: { value: 15, unit: 'wd' as const } }
    expect(guideProblems(guide)).toEqual([expect.objectContaining({ field: 'promisedLimit', severity: 'warning' })])
  })

  it('refuses a promised limit longer than the legal one', () => {
    const guide = { ...complete(), promisedLimit: { value: 25, unit: 'wd' as const } }
    expect(guideProblems(guide)).toEqual([expect.objectContaining({ field: 'promisedLimit', severity: 'error' })])
  })

  it('names duplicate material ids and fees without a basis', () => {
    const guide = complete()
    guide.materials.push({ ...guide.materials[0]! })
    guide.fees.push({ name: '工本费', amount: 10 })
    const fields = guideProblems(guide).map((problem) => problem.field)
    expect(fields).toEqual(expect.arrayContaining(['materials.1.id', 'feeNote']))
  })

  it('asks, while one types, for blank basis lines, a result without a name and an unnamed material', () => {
    const typing = { ...complete(), legalBasis: ['  '], result: { kind: 'reply' as const, name: '', delivery: '' } }
    typing.materials.push({ ...typing.materials[0]!, id: 'material2', name: '' })
    const fields = guideProblems(typing).map((problem) => problem.field)
    expect(fields).toEqual(['legalBasis', 'result', 'materials.1.name'])
  })

  it('compares limits given in hours as eighths of a working day', () => {
    const guide = { ...complete(), promisedLimit: { value: 48, unit: 'h' as const }, legalLimit: { value: 5, unit: 'wd' as const } }
    expect(guideProblems(guide)).toEqual([{ field: 'promisedLimit', severity: 'error', message: '承诺时限不能长于法定时限' }])
  })

  it('rejects unknown guide fields instead of storing them', () => {
    expect(guideSchema.safeParse({ secret: 1 }).success).toBe(false)
  })
})
