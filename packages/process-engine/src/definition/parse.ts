// The reference travels with this source file to every consumer that type-checks it (packages ship as TS).
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./bpmn-moddle.d.ts" />
/**
 * BPMN XML → {@link ProcessDefinition}. Hostile input is stopped by `prescan` before the
 * XML parser; every bpmn-moddle warning, unknown type, unknown attribute and unusable
 * value becomes a problem naming its element.
 */
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'
import type { DeployProblem } from '../errors'
import hallDescriptor from './hall-moddle.json' with { type: 'json' }
import { ALLOWED_EXTENSIONS, ALLOWED_PROPERTIES } from './allowed'
import { compileProcess } from './compile'
import type { ProcessDefinition } from './model'
import { prescan } from './prescan'

/** Outcome of {@link parseDefinition}: the compiled process, or every problem found. */
export type ParseResult = { ok: true; definition: ProcessDefinition } | { ok: false; problems: DeployProblem[] }

const REFERENCES = new Set(['incoming', 'outgoing', 'sourceRef', 'targetRef', 'attachedToRef', 'default', 'messageRef', 'errorRef', 'flowNodeRef', 'boundaryEventRefs'])

/** Parse and validate a BPMN document holding one executable process. Never throws for bad input. */
export async function parseDefinition(xml: string): Promise<ParseResult> {
  if (typeof xml !== 'string' || !xml.trim()) return { ok: false, problems: [{ element: 'definitions', message: 'Expected BPMN XML, but got an empty document' }] }
  const early = prescan(xml)
  if (early.length) return { ok: false, problems: early }

  let parsed: Awaited<ReturnType<BpmnModdle['fromXML']>>
  try {
    parsed = await new BpmnModdle({ hall: hallDescriptor }).fromXML(xml)
  } catch (error) {
    return { ok: false, problems: [{ element: 'definitions', message: `Malformed XML: ${firstLine((error as Error).message)}` }] }
  }
  const problems: DeployProblem[] = parsed.warnings.map((w) => ({
    element: w.element?.id ?? 'definitions',
    message: firstLine(w.message),
  }))
  const root = parsed.rootElement
  if (root.$type !== 'bpmn:Definitions') return { ok: false, problems: [{ element: 'definitions', message: `Expected bpmn:definitions as root, but got ${root.$type}` }] }
  checkTree(root, problems, 'definitions')

  const processes = (root.rootElements as ModdleElement[] | undefined ?? []).filter((e) => e.$type === 'bpmn:Process')
  if (processes.length !== 1) {
    problems.push({ element: 'definitions', message: `Expected exactly one bpmn:process, but found ${processes.length}` })
    return { ok: false, problems }
  }
  const definition = compileProcess(processes[0]!, problems)
  return problems.length ? { ok: false, problems } : { ok: true, definition }
}

function firstLine(message: string): string {
  return message.split('\n').map((l) => l.trim()).filter(Boolean).join(', ')
}

/** Whitelist walk over the containment tree (references are not followed). */
function checkTree(element: ModdleElement, problems: DeployProblem[], ownerId: string): void {
  const id = element.id ?? ownerId
  const allowed = ALLOWED_PROPERTIES[element.$type]
  if (!allowed) {
    problems.push({ element: id, message: `${element.$type} is not supported by the engine` })
    return
  }
  for (const attr of Object.keys(element.$attrs ?? {})) {
    const reported = problems.some((p) => p.element === id && p.message.includes(`<${attr}>`))
    if (!attr.startsWith('xmlns') && attr !== 'xsi:type' && attr !== 'xsi:schemaLocation' && !reported) problems.push({ element: id, message: `Unknown attribute ${attr} on ${element.$type}` })
  }
  for (const key of Object.keys(element)) {
    if (key.startsWith('$') || key === 'diagrams' || REFERENCES.has(key)) continue
    if (!allowed.includes(key)) {
      problems.push({ element: id, message: `Attribute or child '${key}' is not supported on ${element.$type}` })
      continue
    }
    const value = element[key]
    const children = Array.isArray(value) ? value : [value]
    for (const child of children) {
      if (!isElement(child)) continue
      if (key === 'values' && element.$type === 'bpmn:ExtensionElements') {
        const host = (element.$parent as ModdleElement | undefined)?.$type ?? ''
        if (!(ALLOWED_EXTENSIONS[host] ?? []).includes(child.$type)) {
          problems.push({ element: id, message: `Extension ${child.$type} is not supported on ${host}` })
          continue
        }
      }
      checkTree(child, problems, id)
    }
  }
}

function isElement(value: unknown): value is ModdleElement {
  return typeof value === 'object' && value !== null && typeof (value as { $type?: unknown }).$type === 'string'
}
