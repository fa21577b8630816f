/**
 * The compiled, immutable form of a deployed process: what behaviours read at runtime.
 * Built once by `compileDefinition`; never contains moddle objects.
 */
import type { CompiledExpression } from '../expressions/feel'
import type { AssigneeSpec } from '../assignment/spec'
import type { DeadlineSpec } from '../time/duration'

export const ElementKind = {
  startEvent: 'startEvent',
  endEvent: 'endEvent',
  userTask: 'userTask',
  serviceTask: 'serviceTask',
  scriptTask: 'scriptTask',
  passTask: 'passTask',
  receiveTask: 'receiveTask',
  exclusiveGateway: 'exclusiveGateway',
  parallelGateway: 'parallelGateway',
  inclusiveGateway: 'inclusiveGateway',
  eventBasedGateway: 'eventBasedGateway',
  intermediateCatchEvent: 'intermediateCatchEvent',
  intermediateThrowEvent: 'intermediateThrowEvent',
  boundaryEvent: 'boundaryEvent',
  subProcess: 'subProcess',
  callActivity: 'callActivity',
} as const
export type ElementKind = (typeof ElementKind)[keyof typeof ElementKind]

/** Item types of DOMAIN.md §2, carried on `bpmn:process` as `hall:itemType`. */
export const ItemType = ['instant', 'promised', 'joint', 'escalated', 'special', 'agency'] as const
export type ItemType = (typeof ItemType)[number]

export type TimerDef =
  | { kind: 'duration'; spec: DeadlineSpec }
  | { kind: 'date'; at: string }
  /** `repeat` undefined = without end (`R/…`); `start` = the first occurrence, else one interval after arming. */
  | { kind: 'cycle'; repeat?: number; start?: string; spec: DeadlineSpec }
  /** `=FEEL` giving an ISO date-time with offset (timeDate) or a duration such as `P3D`, `2wd` (timeDuration), read when the timer is armed. */
  | { kind: 'expression'; of: 'date' | 'duration'; expression: CompiledExpression }

export type EventTrigger =
  | { kind: 'none' }
  | { kind: 'terminate' }
  | { kind: 'timer'; timer: TimerDef }
  | { kind: 'message'; name: string }
  | { kind: 'error'; code?: string }

export type ApprovalMode =
  | { kind: 'single' }
  | { kind: 'all' }
  | { kind: 'any' }
  | { kind: 'sequential' }
  | { kind: 'ratio'; ratio: number }

export type TimeoutAction =
  | { kind: 'remind' }
  | { kind: 'approve' }
  | { kind: 'reject' }
  | { kind: 'escalate'; to: AssigneeSpec[] }

/** `hall:deliveredBy` on a message wait: who may deliver the message from the hall (`initiator` = the case's applicant). */
export const DeliveredBy = ['initiator'] as const
export type DeliveredBy = (typeof DeliveredBy)[number]

export const FieldMode = ['editable', 'readonly', 'hidden'] as const
export type FieldMode = (typeof FieldMode)[number]

export interface UserTaskDef {
  assignees: AssigneeSpec[]
  approval: ApprovalMode
  completionCondition?: CompiledExpression
  due?: DeadlineSpec
  warn?: DeadlineSpec
  onTimeout?: TimeoutAction
  form?: string
  fields: { path: string; mode: FieldMode }[]
  /** `hall:skipIfUnchanged`: re-entered after a return, agreed again at once when nothing it shows changed. */
  skipIfUnchanged?: boolean
}

export interface ElementDef {
  id: string
  name?: string
  kind: ElementKind
  /** The embedded sub-process containing this element; undefined at process level. */
  parent?: string
  /** Sub-processes: their start event (none; timer or message for event sub-processes). */
  start?: string
  /** Event sub-processes: started by their start event's trigger while their scope runs. */
  triggeredByEvent?: boolean
  /** Call activities: the key of the process they start. */
  calledElement?: string
  /** Call activities pinned with `hall:calledVersion`: that version of `calledElement`, else the latest. */
  calledVersion?: number
  /**
   * Multi-instance call activities (one child per item of `collection`) and sub-processes (one
   * inner instance per item, or `cardinality` of them).
   */
  multi?: {
    /** hall:collection; always set on call activities. */
    collection?: CompiledExpression
    /** bpmn:loopCardinality (sub-processes): how many inner instances, when there is no collection. */
    cardinality?: CompiledExpression
    elementVariable: string
    outputCollection?: string
    sequential: boolean
    completionCondition?: CompiledExpression
  }
  incoming: string[]
  outgoing: string[]
  defaultFlow?: string
  trigger?: EventTrigger
  /** Boundary events: the activity they sit on and whether they interrupt it. */
  attachedTo?: string
  /** Boundary events and event sub-process start events. */
  interrupting?: boolean
  /** Boundary event ids attached to this activity. */
  boundaries: string[]
  userTask?: UserTaskDef
  /** Receive tasks and message catch events: who delivers their message from the hall; unset = only systems (API/engine). */
  deliveredBy?: DeliveredBy
  handler?: { name: string; inputs: Record<string, CompiledExpression> }
  script?: { expression: CompiledExpression; resultVariable: string }
}

export interface FlowDef {
  id: string
  source: string
  target: string
  condition?: CompiledExpression
}

export interface ProcessDefinition {
  /** `bpmn:process` id: stable across versions. */
  key: string
  name?: string
  promise?: DeadlineSpec
  itemType?: ItemType
  elements: Record<string, ElementDef>
  flows: Record<string, FlowDef>
  noneStart?: string
  /** For each inclusive join, the elements from which a token could still reach it. */
  upstream: Record<string, ReadonlySet<string>>
}
