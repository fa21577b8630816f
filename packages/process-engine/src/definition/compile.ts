/**
 * Moddle process → {@link ProcessDefinition}, collecting semantic problems
 * (dangling gateways, missing conditions, bad hall values, FEEL syntax errors).
 */
import type { ModdleElement } from 'bpmn-moddle'
import type { CompiledExpression } from '../expressions/feel'
import { parseAssignees } from '../assignment/spec'
import { compileTrigger } from './compile-events'
import { attempt, compileHallFeel, extensions, idOf, str, type Problems } from './compile-support'
import { parseApproval, parseDeliveredBy, parseFieldMode, parseHallDeadline, parseItemType, parseSkipIfUnchanged, parseTimeout } from './hall-attributes'
import { upstreamOfJoins, validateGraph } from './graph'
import { ElementKind, type ElementDef, type FlowDef, type ProcessDefinition, type UserTaskDef } from './model'

const KINDS: Record<string, ElementKind> = {
  'bpmn:StartEvent': ElementKind.startEvent,
  'bpmn:EndEvent': ElementKind.endEvent,
  'bpmn:UserTask': ElementKind.userTask,
  'bpmn:ServiceTask': ElementKind.serviceTask,
  'bpmn:ScriptTask': ElementKind.scriptTask,
  'bpmn:Task': ElementKind.passTask,
  'bpmn:ManualTask': ElementKind.passTask,
  'bpmn:ReceiveTask': ElementKind.receiveTask,
  'bpmn:ExclusiveGateway': ElementKind.exclusiveGateway,
  'bpmn:ParallelGateway': ElementKind.parallelGateway,
  'bpmn:InclusiveGateway': ElementKind.inclusiveGateway,
  'bpmn:EventBasedGateway': ElementKind.eventBasedGateway,
  'bpmn:IntermediateCatchEvent': ElementKind.intermediateCatchEvent,
  'bpmn:IntermediateThrowEvent': ElementKind.intermediateThrowEvent,
  'bpmn:BoundaryEvent': ElementKind.boundaryEvent,
  'bpmn:SubProcess': ElementKind.subProcess,
  'bpmn:CallActivity': ElementKind.callActivity,
}

export function compileProcess(process: ModdleElement, problems: Problems): ProcessDefinition {
  const key = process.id ?? 'process'
  const elements: Record<string, ElementDef> = {}
  const flows: Record<string, FlowDef> = {}
  const moddleFlows: ModdleElement[] = []

  const collect = (container: ModdleElement, parent: string | undefined) => {
    for (const el of (container.flowElements as ModdleElement[] | undefined) ?? []) {
      const id = el.id ?? ''
      if (el.$type === 'bpmn:SequenceFlow') {
        moddleFlows.push(el)
        continue
      }
      const kind = KINDS[el.$type]
      if (!kind) continue // already reported by the whitelist walk
      elements[id] = { ...compileElement(el, kind, problems), ...(parent ? { parent } : {}) }
      if (kind === 'subProcess') {
        if (el.triggeredByEvent) elements[id]!.triggeredByEvent = true
        collect(el, id)
      }
    }
  }
  collect(process, undefined)
  for (const el of moddleFlows) {
    const id = el.id ?? ''
    const source = idOf(el.sourceRef)
    const target = idOf(el.targetRef)
    if (!source || !target || !elements[source] || !elements[target]) {
      problems.push({ element: id, message: 'Expected a sequence flow between two supported flow nodes, but its source or target is missing' })
      continue
    }
    const body = str((el.conditionExpression as ModdleElement | undefined)?.body)
    const condition = body === undefined ? undefined : compileHallFeel(body, id, 'condition', problems)
    if (elements[source]!.parent !== elements[target]!.parent) {
      problems.push({ element: id, message: `Expected a sequence flow to stay inside one (sub-)process, but it connects ${source} and ${target} across a boundary` })
      continue
    }
    flows[id] = { id, source, target, ...(condition ? { condition } : {}) }
    elements[source]!.outgoing.push(id)
    elements[target]!.incoming.push(id)
  }
  validateGraph(elements, flows, problems)

  const starts = Object.values(elements).filter((e) => e.kind === 'startEvent' && !e.parent)
  const noneStart = starts.find((e) => e.trigger?.kind === 'none')
  if (!starts.length) problems.push({ element: key, message: 'Expected at least one start event, but found none' })
  for (const sub of Object.values(elements).filter((e) => e.kind === 'subProcess')) {
    const inner = Object.values(elements).filter((e) => e.kind === 'startEvent' && e.parent === sub.id)
    const kinds = sub.triggeredByEvent ? ['timer', 'message', 'error'] : ['none']
    if (inner.length !== 1 || !kinds.includes(inner[0]!.trigger?.kind ?? '')) {
      problems.push({ element: sub.id, message: `Expected exactly one ${kinds.join(' or ')} start event inside the ${sub.triggeredByEvent ? 'event ' : ''}sub-process, but found ${inner.length === 1 ? `a ${inner[0]!.trigger?.kind ?? 'unsupported'} one` : inner.length}` })
    } else sub.start = inner[0]!.id
    if (sub.triggeredByEvent && (sub.incoming.length || sub.outgoing.length)) problems.push({ element: sub.id, message: 'Expected no sequence flows on an event sub-process, but found some' })
  }
  for (const start of starts) {
    if (start.trigger?.kind === 'error') problems.push({ element: start.id, message: 'Error start events are supported inside event sub-processes only' })
  }
  const promise = str(process.promise)
  const itemType = str(process.itemType)
  return {
    key,
    ...(str(process.name) ? { name: str(process.name) } : {}),
    ...(promise ? { promise: attempt(key, problems, () => parseHallDeadline('hall:promise', promise)) } : {}),
    ...(itemType ? { itemType: attempt(key, problems, () => parseItemType(itemType)) } : {}),
    elements,
    flows,
    ...(noneStart ? { noneStart: noneStart.id } : {}),
    upstream: upstreamOfJoins(elements, flows),
  }
}

function compileElement(el: ModdleElement, kind: ElementKind, problems: Problems): ElementDef {
  const id = el.id ?? ''
  const def: ElementDef = { id, kind, incoming: [], outgoing: [], boundaries: [] }
  if (str(el.name)) def.name = str(el.name)
  const defaultFlow = idOf(el.default)
  if (defaultFlow) def.defaultFlow = defaultFlow
  if (kind.endsWith('Event')) {
    const trigger = compileTrigger(el, kind, problems)
    if (trigger) def.trigger = trigger
  }
  if (kind === 'boundaryEvent') {
    def.attachedTo = idOf(el.attachedToRef) ?? ''
    def.interrupting = el.cancelActivity !== false
  }
  if (kind === 'startEvent') def.interrupting = el.isInterrupting !== false
  if (kind === 'userTask') def.userTask = compileUserTask(el, problems)
  if (kind === 'serviceTask') {
    const handler = str(el.handler)
    if (!handler) problems.push({ element: id, message: 'Expected hall:handler on a service task, but it is missing' })
    const inputs: Record<string, CompiledExpression> = {}
    for (const input of extensions(el, 'hall:Input')) {
      const expression = compileHallFeel(str(input.value) ?? '', id, `input '${str(input.name)}'`, problems)
      if (expression && str(input.name)) inputs[str(input.name)!] = expression
    }
    def.handler = { name: handler ?? '', inputs }
  }
  if (kind === 'scriptTask') {
    if ((str(el.scriptFormat) ?? 'feel').toLowerCase() !== 'feel') problems.push({ element: id, message: `Expected scriptFormat feel, but got '${str(el.scriptFormat)}'` })
    const expression = compileHallFeel(str(el.script) ?? '', id, 'script', problems)
    const resultVariable = str(el.resultVariable)
    if (!resultVariable) problems.push({ element: id, message: 'Expected hall:resultVariable on a script task, but it is missing' })
    if (expression && resultVariable) def.script = { expression, resultVariable }
  }
  if (kind === 'callActivity') {
    const called = str(el.calledElement)
    if (!called) problems.push({ element: id, message: 'Expected calledElement (a process key) on a call activity, but it is missing' })
    else def.calledElement = called
    const version = str(el.calledVersion)
    if (version !== undefined) {
      if (/^[1-9]\d*$/.test(version.trim())) def.calledVersion = Number(version)
      else problems.push({ element: id, message: `Expected hall:calledVersion to be a version number (1, 2, …), but got '${version}'` })
    }
    const multi = compileLoop(el, kind, problems)
    if (multi) def.multi = multi
  }
  if (kind === 'subProcess' && el.loopCharacteristics) {
    if (el.triggeredByEvent) problems.push({ element: id, message: 'Expected an event sub-process to run once, but it has multi-instance loop characteristics' })
    const multi = compileLoop(el, kind, problems)
    if (multi) def.multi = multi
  }
  if (kind === 'receiveTask') {
    const name = str((el.messageRef as ModdleElement | undefined)?.name)
    if (!name) problems.push({ element: id, message: 'Expected a receive task to reference a named bpmn:message, but it does not' })
    else def.trigger = { kind: 'message', name }
  }
  const deliveredBy = str(el.deliveredBy)
  if (deliveredBy !== undefined) {
    // Only a message wait can be delivered; on a timer catch the attribute would mean nothing.
    if (def.trigger?.kind !== 'message') problems.push({ element: id, message: 'Expected hall:deliveredBy only on a receive task or message catch event, but this one waits for no message' })
    const who = attempt(id, problems, () => parseDeliveredBy(deliveredBy))
    if (who) def.deliveredBy = who
  }
  return def
}

/**
 * Multi-instance loop characteristics of a call activity (hall:collection) or sub-process
 * (hall:collection or bpmn:loopCardinality). Undefined when absent or unusable (a problem is recorded).
 */
function compileLoop(el: ModdleElement, kind: ElementKind, problems: Problems): NonNullable<ElementDef['multi']> | undefined {
  const id = el.id ?? ''
  const loop = el.loopCharacteristics as ModdleElement | undefined
  if (!loop) return undefined
  const cardinalityText = str((loop.loopCardinality as ModdleElement | undefined)?.body)
  const collectionText = str(loop.collection)
  if (kind === 'callActivity' && cardinalityText !== undefined) {
    problems.push({ element: id, message: 'Expected hall:collection on a multi-instance call activity; bpmn:loopCardinality applies to sub-processes' })
    return undefined
  }
  if ((cardinalityText === undefined) === (collectionText === undefined) && kind === 'subProcess') {
    problems.push({ element: id, message: 'Expected exactly one of hall:collection or bpmn:loopCardinality on a multi-instance sub-process' })
    return undefined
  }
  const collection = collectionText !== undefined || kind === 'callActivity' ? compileHallFeel(collectionText ?? '', id, 'hall:collection', problems) : undefined
  const cardinality = cardinalityText === undefined ? undefined : compileHallFeel(cardinalityText, id, 'loopCardinality', problems)
  const completion = str((loop.completionCondition as ModdleElement | undefined)?.body)
  const completionCondition = completion === undefined ? undefined : compileHallFeel(completion, id, 'completionCondition', problems)
  if (!collection && !cardinality) return undefined
  return {
    ...(collection ? { collection } : {}),
    ...(cardinality ? { cardinality } : {}),
    elementVariable: str(loop.elementVariable) ?? 'item',
    sequential: loop.isSequential === true,
    ...(str(loop.outputCollection) ? { outputCollection: str(loop.outputCollection)! } : {}),
    ...(completionCondition ? { completionCondition } : {}),
  }
}

function compileUserTask(el: ModdleElement, problems: Problems): UserTaskDef {
  const id = el.id ?? ''
  const text = (key: string) => str(el[key])
  const task: UserTaskDef = {
    assignees: attempt(id, problems, () => parseAssignees(text('assignee') ?? '')) ?? [],
    approval: { kind: 'single' },
    fields: [],
  }
  if (!text('assignee')) problems.push({ element: id, message: 'Expected hall:assignee on a user task, but it is missing' })
  const loop = el.loopCharacteristics as ModdleElement | undefined
  if (loop) task.approval = { kind: loop.isSequential ? 'sequential' : 'all' }
  if (loop && (loop.collection || loop.elementVariable || loop.outputCollection || loop.loopCardinality)) {
    problems.push({ element: id, message: 'hall:collection, hall:elementVariable, hall:outputCollection and bpmn:loopCardinality apply to call activities and sub-processes; a user task takes its people from hall:assignee' })
  }
  const approval = text('approval')
  if (approval) task.approval = attempt(id, problems, () => parseApproval(approval)) ?? task.approval
  const completion = str((loop?.completionCondition as ModdleElement | undefined)?.body)
  if (completion) {
    const expression = compileHallFeel(completion, id, 'completionCondition', problems)
    if (expression) task.completionCondition = expression
  }
  const due = text('due')
  const warn = text('warn')
  const onTimeout = text('onTimeout')
  if (due) task.due = attempt(id, problems, () => parseHallDeadline('hall:due', due))
  if (warn) task.warn = attempt(id, problems, () => parseHallDeadline('hall:warn', warn))
  if (onTimeout) task.onTimeout = attempt(id, problems, () => parseTimeout(onTimeout))
  if ((warn || onTimeout) && !due) problems.push({ element: id, message: 'Expected hall:due when hall:warn or hall:onTimeout is set, but it is missing' })
  if (text('form')) task.form = text('form')
  const skip = text('skipIfUnchanged')
  if (skip && attempt(id, problems, () => parseSkipIfUnchanged(skip))) {
    // One holder's agreement is what can stand again; a round of several (会签, 依次, ratio) is decided anew.
    if (task.approval.kind === 'single') task.skipIfUnchanged = true
    else problems.push({ element: id, message: `Expected hall:skipIfUnchanged only on a single-approval task, but ${id} is approved '${task.approval.kind}'` })
  }
  for (const permission of extensions(el, 'hall:FieldPermission')) {
    const mode = attempt(id, problems, () => parseFieldMode(str(permission.mode) ?? ''))
    const path = str(permission.path)
    if (!path) problems.push({ element: id, message: 'Expected hall:fieldPermission to have a path, but it is missing' })
    else if (mode) task.fields.push({ path, mode })
  }
  return task
}
