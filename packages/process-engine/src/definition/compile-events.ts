/** Event definitions → triggers: which trigger each event kind allows, and timer values. */
import type { ModdleElement } from 'bpmn-moddle'
import { compileFeel } from '../expressions/feel'
import { parseCycle, parseDeadline, parseInstant } from '../time/duration'
import { attempt, str, type Problems } from './compile-support'
import type { ElementKind, EventTrigger } from './model'

const ALLOWED_TRIGGERS: Record<string, readonly EventTrigger['kind'][]> = {
  startEvent: ['none', 'message', 'timer', 'error'],
  endEvent: ['none', 'terminate', 'error'],
  intermediateCatchEvent: ['timer', 'message'],
  intermediateThrowEvent: ['none'],
  boundaryEvent: ['timer', 'message', 'error'],
}

export function compileTrigger(el: ModdleElement, kind: ElementKind, problems: Problems): EventTrigger | undefined {
  const id = el.id ?? ''
  const definitions = (el.eventDefinitions as ModdleElement[] | undefined) ?? []
  if (definitions.length > 1) problems.push({ element: id, message: 'Expected at most one event definition, but found several' })
  const ed = definitions[0]
  let trigger: EventTrigger | undefined
  if (!ed) trigger = { kind: 'none' }
  else if (ed.$type === 'bpmn:TerminateEventDefinition') trigger = { kind: 'terminate' }
  else if (ed.$type === 'bpmn:ErrorEventDefinition') {
    const code = str((ed.errorRef as ModdleElement | undefined)?.errorCode)
    trigger = code ? { kind: 'error', code } : { kind: 'error' }
  } else if (ed.$type === 'bpmn:MessageEventDefinition') {
    const name = str((ed.messageRef as ModdleElement | undefined)?.name)
    if (!name) problems.push({ element: id, message: 'Expected the message event to reference a named bpmn:message, but it does not' })
    else trigger = { kind: 'message', name }
  } else if (ed.$type === 'bpmn:TimerEventDefinition') {
    const timer = attempt(id, problems, () => compileTimer(ed))
    if (timer?.kind === 'expression' && kind === 'startEvent') {
      problems.push({ element: id, message: 'Expected a timer start event to have a fixed time, but it is an expression (there are no variables before the instance starts)' })
    } else if (timer) trigger = { kind: 'timer', timer }
  }
  if (trigger && !(ALLOWED_TRIGGERS[kind] ?? []).includes(trigger.kind)) {
    problems.push({ element: id, message: `A ${trigger.kind} trigger is not supported on ${kind}` })
    return undefined
  }
  if (kind === 'boundaryEvent' && trigger?.kind === 'error' && el.cancelActivity === false) {
    problems.push({ element: id, message: 'Expected an error boundary event to interrupt, but cancelActivity is false' })
  }
  return trigger
}

function compileTimer(ed: ModdleElement) {
  const body = (key: string) => str((ed[key] as ModdleElement | undefined)?.body)?.trim()
  const duration = body('timeDuration')
  const date = body('timeDate')
  const cycle = body('timeCycle')
  for (const [of, text] of [['date', date], ['duration', duration]] as const) {
    if (text?.startsWith('=')) return { kind: 'expression', of, expression: compileFeel(text.slice(1)) } as const
  }
  if (duration) {
    const spec = parseDeadline(duration)
    if (!spec) throw new Error(`Expected timeDuration like PT1H or 3wd, but got '${duration}'`)
    return { kind: 'duration', spec } as const
  }
  if (date) {
    const at = parseInstant(date)
    if (!at) throw new Error(`Expected timeDate as an ISO date-time with offset, but got '${date}'`)
    return { kind: 'date', at } as const
  }
  if (cycle) {
    const parsed = parseCycle(cycle)
    if (!parsed) throw new Error(`Expected timeCycle like R3/PT1H, R/P1D, R5/1wd or R3/2026-10-01T08:00:00+08:00/P1D, but got '${cycle}'`)
    return { kind: 'cycle', ...parsed } as const
  }
  throw new Error('Expected timeDuration, timeDate or timeCycle on the timer, but found none')
}
