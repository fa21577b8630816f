import type { BpmnElement } from '../bpmn-elements'
import { changedProperties, type ChangeKind, type PropertyChange } from './change'

/** One BPMN element that was added, removed or changed, with the attributes that differ. */
export interface ProcessChange {
  id: string
  name?: string
  type: string
  change: ChangeKind
  attributes: PropertyChange[]
}

const LABELS: Record<string, string> = {
  name: '名称', condition: '条件', sourceRef: '起点', targetRef: '终点', default: '默认路径', event: '事件',
  'hall:assignee': '办理人', 'hall:approval': '审批方式', 'hall:due': '办理时限', 'hall:warn': '预警', 'hall:onTimeout': '超时处理',
  'hall:form': '表单', 'hall:promise': '承诺时限', 'hall:itemType': '事项类型', 'hall:handler': '处理程序', documentation: '说明',
}
const labelOf = (key: string) => {
  const permission = /^hall:fieldPermission\((.*)\)$/.exec(key)
  return permission ? `字段权限 ${permission[1]!}` : (LABELS[key] ?? key)
}
const withName = (element: BpmnElement) => ({ ...element.attributes, ...(element.name ? { name: element.name } : {}) })

/**
 * What changed in the process between two versions, by element id: steps, gateways, events and
 * flows added or removed, and for changed ones which attributes differ (name, conditions, `hall:*`).
 */
export function diffBpmn(before: readonly BpmnElement[], after: readonly BpmnElement[]): ProcessChange[] {
  const old = new Map(before.map((e) => [e.id, e]))
  const next = new Map(after.map((e) => [e.id, e]))
  const entry = (element: BpmnElement, change: ChangeKind, attributes: PropertyChange[]): ProcessChange => ({
    id: element.id,
    ...(element.name ? { name: element.name } : {}),
    type: element.type,
    change,
    attributes,
  })
  const changes: ProcessChange[] = []
  for (const element of before) if (!next.has(element.id)) changes.push(entry(element, 'removed', []))
  for (const element of after) {
    const previous = old.get(element.id)
    if (!previous) changes.push(entry(element, 'added', []))
    else {
      const attributes = changedProperties(withName(previous), withName(element), labelOf)
      if (previous.type !== element.type) attributes.unshift({ key: 'type', label: '类型', old: previous.type, new: element.type })
      if (attributes.length) changes.push(entry(element, 'changed', attributes))
    }
  }
  return changes
}
