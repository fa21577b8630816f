import type { Guide, Material, TimeLimit } from '@hall/guide'
import { changedProperties, type ChangeKind } from './change'

/** One guide field that differs, named by its label as the guide editor shows it. */
export interface GuideChange {
  field: string
  label: string
  change: ChangeKind
  old?: string
  new?: string
}

const LABELS: Record<string, string> = {
  summary: '事项简介', itemType: '事项类型', themes: '主题分类', audiences: '服务对象', legalBasis: '设定依据',
  conditions: '受理条件', procedure: '办理流程', promisedLimit: '承诺时限', legalLimit: '法定时限', fees: '收费标准',
  feeNote: '收费依据', 'result.kind': '办理结果类型', 'result.name': '办理结果名称', 'result.delivery': '结果送达方式',
  'contact.phone': '咨询电话', 'contact.complaintPhone': '监督投诉电话', 'contact.address': '办理地点', 'contact.hours': '办理时间',
  maxVisits: '最多跑动次数', onlineApply: '网上办理', 'appointment.enabled': '预约办理', 'appointment.slotMinutes': '预约时段（分钟）',
  'appointment.capacityPerSlot': '每时段名额', 'appointment.outsideOfficeHours': '非工作时间预约', 'appointment.daysAhead': '可提前预约天数',
}
const MATERIAL_LABELS: Record<string, string> = {
  name: '名称', copies: '份数', form: '形式', main: '主件', mayBeMissing: '容缺', offline: '线下收取', sampleFileId: '样表', note: '备注',
}
const UNIT_LABELS: Record<TimeLimit['unit'], string> = { wd: '个工作日', d: '天', h: '小时' }

function text(value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否'
  if (Array.isArray(value)) return value.map(text).join('；')
  if (value && typeof value === 'object') {
    if ('unit' in value && 'value' in value) return `${String((value as TimeLimit).value)}${UNIT_LABELS[(value as TimeLimit).unit]}`
    if ('amount' in value && 'name' in value) return `${String(value.name)} ${String(value.amount)} 元`
    return JSON.stringify(value)
  }
  return String(value)
}

/** The guide without its materials, as `label key → text`, nested objects one level deep. */
function flatten(guide: Guide): Record<string, string> {
  const flat: Record<string, string> = {}
  for (const [key, value] of Object.entries(guide)) {
    if (key === 'materials' || value === undefined) continue
    if (['result', 'contact', 'appointment'].includes(key) && value && typeof value === 'object') {
      for (const [inner, innerValue] of Object.entries(value)) if (innerValue !== undefined) flat[`${key}.${inner}`] = text(innerValue)
    } else if (!(Array.isArray(value) && value.length === 0)) flat[key] = text(value)
  }
  return flat
}

const materialProps = (material: Material): Record<string, string> =>
  Object.fromEntries(Object.entries(material).filter(([key, value]) => key !== 'id' && value !== undefined).map(([key, value]) => [key, text(value)]))

function materialChanges(before: Material[], after: Material[]): GuideChange[] {
  const changes: GuideChange[] = []
  const old = new Map(before.map((m) => [m.id, m]))
  const next = new Map(after.map((m) => [m.id, m]))
  for (const material of before) {
    if (!next.has(material.id)) changes.push({ field: `materials.${material.id}`, label: '申报材料', change: 'removed', old: material.name })
  }
  for (const material of after) {
    const previous = old.get(material.id)
    if (!previous) {
      changes.push({ field: `materials.${material.id}`, label: '申报材料', change: 'added', new: material.name })
      continue
    }
    for (const property of changedProperties(materialProps(previous), materialProps(material))) {
      changes.push({
        field: `materials.${material.id}.${property.key}`,
        label: `申报材料「${material.name}」${MATERIAL_LABELS[property.key] ?? property.key}`,
        change: 'changed',
        ...(property.old === undefined ? {} : { old: property.old }),
        ...(property.new === undefined ? {} : { new: property.new }),
      })
    }
  }
  return changes
}

/**
 * What changed in the guide between two versions, field by field with its label; materials are
 * matched by their stable id, so a renamed material is one change, not a removal and an addition.
 */
export function diffGuide(before: Guide, after: Guide): GuideChange[] {
  const fields = changedProperties(flatten(before), flatten(after), (key) => LABELS[key] ?? key).map((p): GuideChange => {
    const change: ChangeKind = p.old === undefined ? 'added' : p.new === undefined ? 'removed' : 'changed'
    return { field: p.key, label: p.label, change, ...(p.old === undefined ? {} : { old: p.old }), ...(p.new === undefined ? {} : { new: p.new }) }
  })
  return [...fields, ...materialChanges(before.materials, after.materials)]
}
