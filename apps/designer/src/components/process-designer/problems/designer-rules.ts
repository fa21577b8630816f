/**
 * The designer's own checks, run in the browser on every change (the engine's deploy check
 * comes from the server): unreachable elements, gateways without a default flow, user tasks
 * without an assignee, conditions that read fields the form does not have.
 */
import { variablesOf } from '../feel/feel-tokens'
import type { FormFieldInfo, Problem } from '../types'
import type { DiagramModel, DiagramNode } from './diagram-model'

/** Variables the engine itself sets, which conditions may read besides the form's fields. */
const ENGINE_VARIABLES = new Set(['approvals', 'lastOutcome', 'chosenAssignees', 'initiator', 'loopCounter', 'nrOfInstances', 'nrOfCompletedInstances', 'nrOfActiveInstances', 'nrOfAgreed', 'nrOfDisagreed'])

const label = (node: DiagramNode) => (node.name ? `“${node.name}”` : node.id)

function reachable(model: DiagramModel): Set<string> {
  const reached = new Set<string>()
  const queue = model.nodes.filter((n) => n.type === 'bpmn:StartEvent' && !n.parent).map((n) => n.id)
  // Event sub-processes start by their trigger, not by a flow.
  queue.push(...model.nodes.filter((n) => n.eventSubProcess && !n.parent).map((n) => n.id))
  const outgoing = new Map<string, string[]>()
  for (const flow of model.flows) outgoing.set(flow.source, [...(outgoing.get(flow.source) ?? []), flow.target])
  while (queue.length) {
    const id = queue.shift()!
    if (reached.has(id)) continue
    reached.add(id)
    queue.push(...(outgoing.get(id) ?? []))
    for (const node of model.nodes) {
      const startsInside = node.parent === id && (node.type === 'bpmn:StartEvent' || node.eventSubProcess)
      if (node.attachedTo === id || startsInside) queue.push(node.id)
    }
  }
  return reached
}

/** Every problem our rules find, errors first. */
export function designerProblems(model: DiagramModel, fields: readonly FormFieldInfo[]): Problem[] {
  const problems: Problem[] = []
  const reached = reachable(model)
  const roots = new Set(fields.map((f) => f.path.split('.')[0]!))
  for (const node of model.nodes) {
    if (node.type === 'bpmn:UserTask' && !node.assignee) problems.push({ elementId: node.id, severity: 'error', message: `任务${label(node)}未设置办理人` })
    if (!reached.has(node.id)) problems.push({ elementId: node.id, severity: 'warning', message: `${label(node)}从开始事件无法到达` })
    const isChoice = node.type === 'bpmn:ExclusiveGateway' || node.type === 'bpmn:InclusiveGateway'
    const out = model.flows.filter((f) => f.source === node.id)
    if (isChoice && out.length > 1 && !node.defaultFlow) problems.push({ elementId: node.id, severity: 'warning', message: `网关${label(node)}没有默认流向：条件都不成立时流程会停住` })
  }
  for (const flow of model.flows) {
    if (!flow.condition) continue
    const unknown = (variablesOf(flow.condition.replace(/^=/, '')) ?? []).filter((v) => !roots.has(v) && !ENGINE_VARIABLES.has(v))
    if (unknown.length) problems.push({ elementId: flow.id, severity: 'warning', message: `条件引用了表单中没有的字段：${unknown.join('、')}` })
  }
  if (!model.nodes.some((n) => n.type === 'bpmn:StartEvent' && !n.parent)) problems.push({ severity: 'error', message: '流程缺少开始事件' })
  return problems.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1))
}
