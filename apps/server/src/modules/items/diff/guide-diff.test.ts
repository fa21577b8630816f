import { describe, expect, it } from 'vitest'
import { guideSchema } from '@hall/guide'
import { diffGuide } from './guide-diff'

const base = guideSchema.parse({
  conditions: '年满十八周岁',
  contact: { phone: '0564-1', complaintPhone: '12345' },
  materials: [{ id: 'idcard', name: '身份证', form: 'copy' }, { id: 'photo', name: '照片' }],
})

describe('guide diff', () => {
  it('names each changed field by its label with old and new text', () => {
    const after = guideSchema.parse({ ...base, conditions: '年满十六周岁', onlineApply: false, contact: { ...base.contact, phone: '0564-2' }, legalLimit: { value: 20, unit: 'wd' } })
    expect(diffGuide(base, after)).toEqual([
      { field: 'conditions', label: '受理条件', change: 'changed', old: '年满十八周岁', new: '年满十六周岁' },
      { field: 'contact.phone', label: '咨询电话', change: 'changed', old: '0564-1', new: '0564-2' },
      { field: 'onlineApply', label: '网上办理', change: 'changed', old: '是', new: '否' },
      { field: 'legalLimit', label: '法定时限', change: 'added', new: '20个工作日' },
    ])
  })

  it('matches materials by id: a renamed or changed one is a change, not a removal and an addition', () => {
    const after = guideSchema.parse({ ...base, materials: [{ id: 'idcard', name: '居民身份证', form: 'original' }, { id: 'licence', name: '营业执照' }] })
    expect(diffGuide(base, after)).toEqual([
      { field: 'materials.photo', label: '申报材料', change: 'removed', old: '照片' },
      { field: 'materials.idcard.name', label: '申报材料「居民身份证」名称', change: 'changed', old: '身份证', new: '居民身份证' },
      { field: 'materials.idcard.form', label: '申报材料「居民身份证」形式', change: 'changed', old: 'copy', new: 'original' },
      { field: 'materials.licence', label: '申报材料', change: 'added', new: '营业执照' },
    ])
  })

  it('finds nothing between equal guides', () => {
    expect(diffGuide(base, guideSchema.parse(structuredClone(base)))).toEqual([])
  })
})
