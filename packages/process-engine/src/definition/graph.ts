/**
 * Graph checks after compilation (dangling flows, missing conditions, boundary hosts) and the
 * upstream sets that inclusive joins consult at runtime.
 */
import type { DeployProblem } from '../errors'
import type { ElementDef, ElementKind, FlowDef } from './model'

const ACTIVITIES = new Set<ElementKind>(['userTask', 'serviceTask', 'scriptTask', 'passTask', 'receiveTask', 'subProcess', 'callActivity'])
const CONDITIONAL_SOURCES = new Set<ElementKind>(['exclusiveGateway', 'inclusiveGateway'])

export function validateGraph(elements: Record<string, ElementDef>, flows: Record<string, FlowDef>, problems: DeployProblem[]): void {
  for (const el of Object.values(elements)) {
    if (el.triggeredByEvent) continue // checked with the sub-process start events
    const needsIncoming = el.kind !== 'startEvent' && el.kind !== 'boundaryEvent'
    if (el.kind === 'startEvent' && el.incoming.length) problems.push({ element: el.id, message: 'Expected no incoming flow on a start event, but found some' })
    if (needsIncoming && !el.incoming.length) problems.push({ element: el.id, message: `Expected ${el.kind} to have an incoming sequence flow, but it has none` })
    if (el.kind !== 'endEvent' && !el.outgoing.length) problems.push({ element: el.id, message: `Expected ${el.kind} to have an outgoing sequence flow, but it has none` })
    if (el.kind === 'endEvent' && el.outgoing.length) problems.push({ element: el.id, message: 'Expected no outgoing flow on an end event, but found some' })
    if (el.defaultFlow && !el.outgoing.includes(el.defaultFlow)) problems.push({ element: el.id, message: `Expected default flow ${el.defaultFlow} to leave this gateway, but it does not` })
    if (CONDITIONAL_SOURCES.has(el.kind) && el.outgoing.length > 1) {
      for (const f of el.outgoing) {
        if (f !== el.defaultFlow && !flows[f]!.condition) problems.push({ element: f, message: `Expected a condition on flow leaving ${el.kind} ${el.id} (or make it the default), but it has none` })
      }
    }
    if (el.kind === 'eventBasedGateway') {
      for (const f of el.outgoing) {
        const target = elements[flows[f]!.target]!
        const waits = (target.kind === 'intermediateCatchEvent' && target.incoming.length === 1) || target.kind === 'receiveTask'
        if (!waits) problems.push({ element: el.id, message: `Expected event-based gateway targets to be catch events or receive tasks, but ${target.id} is ${target.kind}` })
      }
    }
    if (el.kind === 'boundaryEvent') {
      const host = el.attachedTo ? elements[el.attachedTo] : undefined
      if (!host || !ACTIVITIES.has(host.kind)) problems.push({ element: el.id, message: 'Expected the boundary event to sit on a task, but it does not' })
      else host.boundaries.push(el.id)
    }
  }
  for (const flow of Object.values(flows)) {
    if (flow.condition && !CONDITIONAL_SOURCES.has(elements[flow.source]!.kind)) {
      problems.push({ element: flow.id, message: `Conditional flows are supported after exclusive and inclusive gateways only, but this one leaves ${elements[flow.source]!.kind} ${flow.source}` })
    }
  }
}

/** For each inclusive join: the elements from which a token could still arrive at it. */
export function upstreamOfJoins(elements: Record<string, ElementDef>, flows: Record<string, FlowDef>): Record<string, ReadonlySet<string>> {
  const result: Record<string, ReadonlySet<string>> = {}
  for (const join of Object.values(elements)) {
    if (join.kind !== 'inclusiveGateway' || join.incoming.length < 2) continue
    const seen = new Set<string>()
    const queue = join.incoming.map((f) => flows[f]!.source)
    while (queue.length) {
      const id = queue.pop()!
      if (seen.has(id) || id === join.id) continue
      seen.add(id)
      const el = elements[id]
      if (!el) continue
      for (const f of el.incoming) queue.push(flows[f]!.source)
      if (el.kind === 'boundaryEvent' && el.attachedTo) queue.push(el.attachedTo)
    }
    result[join.id] = seen
  }
  return result
}
