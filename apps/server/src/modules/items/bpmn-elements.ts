import { hallModdleDescriptor } from '@hall/process-engine'
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'

/**
 * One element of a BPMN document, flattened for reading: its attributes as text under readable
 * keys (`hall:assignee`, `condition`, `timer`, `hall:fieldPermission(path)`), references as the
 * ids they point to. Derived keys (incoming, outgoing) and the diagram are left out: moving a
 * shape is not a change of the process.
 */
export interface BpmnElement {
  id: string
  /** The BPMN type without its prefix: `userTask`, `sequenceFlow`. */
  type: string
  name?: string
  attributes: Record<string, string>
}

const REFERENCES = new Set(['sourceRef', 'targetRef', 'default', 'attachedToRef', 'messageRef', 'errorRef', 'processRef', 'calledElement'])
const SKIPPED = new Set(['id', 'name', 'incoming', 'outgoing', 'diagrams', 'flowNodeRef', 'boundaryEventRefs', 'lanes'])
/** Containers whose children are elements of their own, not attributes of the parent. */
const CONTAINERS = new Set(['rootElements', 'flowElements', 'artifacts', 'laneSets'])
const HALL_PROPERTIES = new Set(hallModdleDescriptor.types.flatMap((type) => (type.properties ?? []).map((property) => property.name)))

const shortType = (type: string) => {
  const local = type.slice(type.indexOf(':') + 1)
  return local.charAt(0).toLowerCase() + local.slice(1)
}
const isElement = (value: unknown): value is ModdleElement => typeof value === 'object' && value !== null && '$type' in value
const idOf = (value: unknown) => (isElement(value) ? (value.id ?? '') : '')

/** Text of a nested value (an expression, a timer, an event definition…), stable for comparison. */
function textOf(value: ModdleElement): string {
  if (typeof value.body === 'string') return value.body
  const parts = Object.keys(value)
    .filter((key) => !key.startsWith('$') && key !== 'id')
    .map((key) => {
      const inner = value[key]
      if (isElement(inner)) return `${key}=${REFERENCES.has(key) ? idOf(inner) : textOf(inner)}`
      return Array.isArray(inner) ? `${key}=[${inner.map((i) => (isElement(i) ? textOf(i) : String(i))).join(', ')}]` : `${key}=${String(inner)}`
    })
  return [shortType(value.$type), ...parts].join(' ')
}

function extensionAttributes(extensions: ModdleElement, attributes: Record<string, string>) {
  for (const value of (extensions.values as ModdleElement[] | undefined) ?? []) {
    if (value.$type === 'hall:FieldPermission') attributes[`hall:fieldPermission(${String(value.path)})`] = String(value.mode ?? '')
    else if (value.$type === 'hall:Input') attributes[`hall:input(${String(value.name)})`] = String(value.value ?? '')
    else attributes[shortType(value.$type)] = textOf(value)
  }
}

function attributesOf(element: ModdleElement, visit: (child: ModdleElement) => void): Record<string, string> {
  const attributes: Record<string, string> = {}
  for (const key of Object.keys(element)) {
    if (key.startsWith('$') || SKIPPED.has(key)) continue
    const value = element[key]
    const label = HALL_PROPERTIES.has(key) ? `hall:${key}` : key
    if (CONTAINERS.has(key)) {
      for (const child of (value as ModdleElement[] | undefined) ?? []) visit(child)
    } else if (REFERENCES.has(key)) continue
    else if (key === 'extensionElements' && isElement(value)) extensionAttributes(value, attributes)
    else if (key === 'conditionExpression' && isElement(value)) attributes.condition = textOf(value)
    else if (key === 'documentation' && Array.isArray(value)) attributes.documentation = value.map((doc: ModdleElement) => String(doc.text ?? '')).join('\n')
    else if (key === 'eventDefinitions' && Array.isArray(value)) attributes.event = value.map((def: ModdleElement) => textOf(def)).join('; ')
    else if (isElement(value)) attributes[label] = textOf(value)
    else if (Array.isArray(value)) attributes[label] = value.map((item) => (isElement(item) ? textOf(item) : String(item))).join('; ')
    else if (value !== undefined && value !== null) attributes[label] = String(value)
  }
  // Resolved references are not enumerable on moddle objects: read them by name.
  for (const key of REFERENCES) {
    const target = element[key]
    if (isElement(target)) attributes[key] = idOf(target)
    else if (typeof target === 'string') attributes[key] = target
  }
  return attributes
}

/** The parse outcome: the elements in document order, or why the XML could not be read. */
export type BpmnReadResult = { ok: true; elements: BpmnElement[] } | { ok: false; message: string }

/** Reads every element of a BPMN document (processes, their nodes and flows, messages, errors). */
export async function readBpmnElements(xml: string): Promise<BpmnReadResult> {
  let root: ModdleElement
  try {
    root = (await new BpmnModdle({ hall: hallModdleDescriptor }).fromXML(xml)).rootElement
  } catch (error) {
    return { ok: false, message: (error as Error).message.split('\n')[0] ?? 'malformed XML' }
  }
  const elements: BpmnElement[] = []
  const visit = (element: ModdleElement) => {
    // Pushed before its children are visited, so a process comes before its steps.
    const name = typeof element.name === 'string' && element.name ? element.name : undefined
    const entry: BpmnElement | undefined = element.id ? { id: element.id, type: shortType(element.$type), ...(name ? { name } : {}), attributes: {} } : undefined
    if (entry) elements.push(entry)
    const attributes = attributesOf(element, visit)
    if (entry) entry.attributes = attributes
  }
  attributesOf(root, visit)
  return { ok: true, elements }
}
