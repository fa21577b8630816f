/**
 * The element → behaviour table. Adding an element: a behaviour file, one line here,
 * its kind in `definition/compile.ts`, a fixture and a test.
 */
import type { ElementKind } from '../definition/model'
import { callActivity } from './call-activity'
import { catchEvent, endEvent, intermediateThrowEvent, startEvent } from './events'
import { eventBasedGateway, exclusiveGateway, inclusiveGateway, parallelGateway } from './gateways'
import { serviceTask } from './service-task'
import { subProcess } from './sub-process'
import { passTask, receiveTask, scriptTask } from './tasks'
import type { Behavior } from './types'
import { userTask } from './user-task'

const BEHAVIORS: Record<ElementKind, Behavior> = {
  startEvent,
  endEvent,
  intermediateThrowEvent,
  intermediateCatchEvent: catchEvent,
  boundaryEvent: catchEvent,
  userTask,
  serviceTask,
  scriptTask,
  passTask,
  receiveTask,
  exclusiveGateway,
  parallelGateway,
  inclusiveGateway,
  eventBasedGateway,
  subProcess,
  callActivity,
}

export function behaviorFor(kind: ElementKind): Behavior {
  return BEHAVIORS[kind]
}
