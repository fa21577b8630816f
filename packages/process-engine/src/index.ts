/**
 * @hall/process-engine — BPMN 2.0 with hall semantics (working days, AB posts, approvals).
 *
 * @example
 * ```ts
 * import { createEngine, createMemoryStore, systemClock } from '@hall/process-engine'
 * const engine = createEngine({ store: createMemoryStore(), clock: systemClock })
 * const def = await engine.deploy(xml)               // throws DeployError with problems[]
 * const id = await engine.start({ definitionId: def.id, initiator: 'u1', variables: { days: 5 } })
 * const [task] = await engine.findTasks({ instanceId: id, status: 'open' })
 * await engine.complete(task!.id, { by: task!.assignee!, outcome: 'agree' })
 * ```
 */
export { createEngine, type Engine, type EngineOptions, type StartOptions } from './runtime/engine'
export type { CompleteArgs, ReturnArgs, HandOverArgs, ReassignArgs, AddSignerArgs, CcArgs, ActorArgs } from './runtime/task-commands'
export type { SuspendArgs, ExtendArgs } from './runtime/clock-commands'
export { InstanceStatus, type InstanceState, type Token, type ApprovalRound, type Outcome, type Subscription } from './runtime/state'
export { parseDefinition, type ParseResult } from './definition/parse'
export type { ProcessDefinition, ElementDef, FlowDef, UserTaskDef, ApprovalMode, TimeoutAction, FieldMode, ItemType, DeliveredBy } from './definition/model'
export { default as hallModdleDescriptor } from './definition/hall-moddle.json' with { type: 'json' }
export { LIMITS as DEPLOY_LIMITS } from './definition/prescan'
export { EngineError, DeployError, VersionConflict, LeaseLost, ErrorCode, type DeployProblem } from './errors'
export { createMemoryStore } from './store/memory-store'
export { TaskStatus, JobType, type BeforeCommit, type Store, type StoreTx, type DeployedDefinition, type TaskRow, type JobRow, type JobOwner, type HistoryEvent, type TaskQuery } from './store/types'
export { createCalendar, type Calendar, type CalendarOptions } from './time/calendar'
export { systemClock, type Clock } from './time/clock'
export { parseDeadline, type DeadlineSpec } from './time/duration'
export { createOrgResolver, type OrgFixture } from './assignment/org-fixture'
export { CHOSEN_VARIABLE, type AssignmentResolver, type AssignmentContext, type OrgSpec } from './assignment/resolver'
export type { AssigneeSpec } from './assignment/spec'
export { BpmnError, type ServiceHandler, type ServiceCall } from './behaviors/service-task'
export { compileFeel, type CompiledExpression } from './expressions/feel'
export { simulate, type Scenario, type ScenarioStep, type ScenarioExpectation, type TraceLine } from './simulate'
export { createFakeClock, type FakeClock } from './testing/fake-clock'
