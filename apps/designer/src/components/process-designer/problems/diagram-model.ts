/** The parts of a diagram the designer's own rules look at, independent of bpmn-js. */
export interface DiagramNode {
  id: string
  /** Moddle type, e.g. `bpmn:UserTask`. */
  type: string
  name?: string
  /** Containing sub-process id; undefined at process level. */
  parent?: string
  /** Host activity of a boundary event. */
  attachedTo?: string
  /** Event sub-process (`triggeredByEvent`). */
  eventSubProcess?: boolean
  assignee?: string
  defaultFlow?: string
}

export interface DiagramFlow {
  id: string
  source: string
  target: string
  /** FEEL body of the condition, `=`-prefixed as written. */
  condition?: string
}

export interface DiagramModel {
  nodes: DiagramNode[]
  flows: DiagramFlow[]
}

interface BusinessObject {
  id: string
  $type: string
  name?: string
  $parent?: BusinessObject
  attachedToRef?: BusinessObject
  triggeredByEvent?: boolean
  default?: BusinessObject
  sourceRef?: BusinessObject
  targetRef?: BusinessObject
  conditionExpression?: { body?: string }
  get?(name: string): unknown
}

/** Builds the model from bpmn-js shapes and connections (their business objects). */
export function diagramModelOf(elements: readonly { businessObject?: unknown; type: string }[]): DiagramModel {
  const nodes: DiagramNode[] = []
  const flows: DiagramFlow[] = []
  for (const element of elements) {
    const bo = element.businessObject as BusinessObject | undefined
    if (!bo || element.type === 'label') continue
    if (bo.$type === 'bpmn:SequenceFlow') {
      if (!bo.sourceRef || !bo.targetRef) continue
      flows.push({ id: bo.id, source: bo.sourceRef.id, target: bo.targetRef.id, ...(bo.conditionExpression?.body ? { condition: bo.conditionExpression.body } : {}) })
      continue
    }
    if (!isFlowNode(bo.$type)) continue
    const parent = bo.$parent?.$type === 'bpmn:SubProcess' ? bo.$parent.id : undefined
    const assignee = bo.get?.('hall:assignee')
    nodes.push({
      id: bo.id,
      type: bo.$type,
      ...(bo.name ? { name: bo.name } : {}),
      ...(parent ? { parent } : {}),
      ...(bo.attachedToRef ? { attachedTo: bo.attachedToRef.id } : {}),
      ...(bo.triggeredByEvent ? { eventSubProcess: true } : {}),
      ...(typeof assignee === 'string' && assignee ? { assignee } : {}),
      ...(bo.default ? { defaultFlow: bo.default.id } : {}),
    })
  }
  return { nodes, flows }
}

const NOT_FLOW_NODES = new Set(['bpmn:Process', 'bpmn:Collaboration', 'bpmn:Participant', 'bpmn:Lane', 'bpmn:TextAnnotation', 'bpmn:Association', 'bpmn:Group', 'bpmn:DataObjectReference', 'bpmn:DataStoreReference'])
function isFlowNode(type: string): boolean {
  return type.startsWith('bpmn:') && !NOT_FLOW_NODES.has(type)
}
