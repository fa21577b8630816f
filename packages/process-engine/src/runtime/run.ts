/**
 * One command's working context: the loaded instance, its definition and the history it
 * collects. Behaviours move tokens through it; its {@link Unit} saves it in the caller's transaction.
 */
import type { AssigneeSpec } from '../assignment/spec'
import type { AssignmentContext, AssignmentResolver } from '../assignment/resolver'
import type { ElementDef, ProcessDefinition } from '../definition/model'
import type { Calendar } from '../time/calendar'
import type { DeployedDefinition, HistoryEvent, JobRow, JobType, StoreTx, TaskRow } from '../store/types'
import type { ServiceHandler } from '../behaviors/service-task'
import { behaviorFor } from '../behaviors'
import { cancelCalled, returnToCaller } from '../behaviors/call-activity'
import { armBoundaries } from '../behaviors/catch'
import { armEventSubProcesses, disarmEventSubProcesses, rootOwner } from '../behaviors/event-sub-process'
import { fireInclusive, inclusiveJoinReady } from '../behaviors/gateways'
import { EngineError, ErrorCode } from '../errors'
import { InstanceStatus, type InstanceState, type Token } from './state'

/** Everything injected into the engine that behaviours may use. */
export interface EngineEnv {
  /** The calendar of a unit (undefined = the engine's default). */
  calendarFor(unit: string | undefined): Calendar
  resolver?: AssignmentResolver
  fallbackAssignee: AssigneeSpec[]
  handlers: Record<string, ServiceHandler>
  maxExtensionDays: number
  newId(): string
  loadDefinition(tx: StoreTx, ref: { id?: string; key?: string }): Promise<{ row: DeployedDefinition; def: ProcessDefinition } | undefined>
}

/**
 * The instances one command touches (a call activity's parent and children change together),
 * each with the version it was loaded at. `flush` settles and saves them all.
 */
export class Unit {
  private readonly runs = new Map<string, { run: Run; version: number }>()

  constructor(
    readonly tx: StoreTx,
    readonly env: EngineEnv,
    readonly now: Date,
  ) {}

  /** Join `run` to the unit at the version it was loaded at; 0 = new, inserted on flush. */
  add(run: Run, version: number): void {
    this.runs.set(run.state.id, { run, version })
  }

  /** The instance's run in this unit, loading it on first use. */
  async open(instanceId: string): Promise<Run | undefined> {
    const open = this.runs.get(instanceId)
    if (open) return open.run
    const record = await this.tx.loadInstance(instanceId)
    const found = record && (await this.env.loadDefinition(this.tx, { id: record.state.definitionId }))
    if (!record || !found) return undefined
    const run = new Run(this, found.def, record.state)
    this.add(run, record.version)
    return run
  }

  async flush(): Promise<HistoryEvent[]> {
    for (let settled = 0; settled < this.runs.size; ) {
      settled = this.runs.size
      for (const { run } of [...this.runs.values()]) await run.settle()
    }
    for (const { run, version } of this.runs.values()) {
      if (version === 0) await this.tx.insertInstance(run.state.id, run.state)
      else await this.tx.saveInstance(run.state.id, run.state, version)
    }
    return [...this.runs.values()].flatMap(({ run }) => run.events)
  }
}

export class Run {
  readonly events: HistoryEvent[] = []
  private readonly queue: Token[] = []
  readonly tx: StoreTx
  readonly env: EngineEnv
  readonly now: Date

  constructor(
    readonly unit: Unit,
    readonly def: ProcessDefinition,
    readonly state: InstanceState,
  ) {
    this.tx = unit.tx
    this.env = unit.env
    this.now = unit.now
    this.at = unit.now.toISOString()
    this.calendar = unit.env.calendarFor(state.unit)
  }

  /** The working-day calendar of this instance's unit. */
  readonly calendar: Calendar

  /** What assignment and resolvers may know about this instance at `elementId` (for `token`). */
  assignmentContext(elementId: string, token?: Token): AssignmentContext {
    return { initiator: this.state.initiator, variables: this.variablesAt(token), at: this.now, elementId, ...(this.state.unit ? { unit: this.state.unit } : {}) }
  }

  /** The inner instances of multi-instance sub-processes around `token`, innermost first. */
  private localScopes(token: Token | undefined): Record<string, unknown>[] {
    const scopes: Record<string, unknown>[] = []
    for (let t = token; t; t = t.scope === undefined ? undefined : this.token(t.scope)) if (t.locals) scopes.push(t.locals)
    return scopes
  }

  /** The variables `token` sees: the instance's, overlaid by the locals of the inner instances around it. */
  variablesAt(token: Token | undefined): Record<string, unknown> {
    const scopes = this.localScopes(token)
    // Most tokens run outside any multi-instance body: no copy then.
    return scopes.length ? Object.assign({}, this.state.variables, ...scopes.reverse()) : this.state.variables
  }

  /** Set variables from `token`: local to the innermost multi-instance body around it, else on the instance. */
  setVariables(token: Token | undefined, values: Record<string, unknown>): void {
    Object.assign(this.localScopes(token)[0] ?? this.state.variables, values)
  }

  /** `now` as stored in rows and history (computed once: it is read on every event). */
  readonly at: string

  element(id: string): ElementDef {
    const el = this.def.elements[id]
    if (!el) throw new Error(`Element ${id} is not in definition ${this.state.definitionId}`)
    return el
  }

  nextId(prefix: string): string {
    this.state.seq++
    return `${this.state.id}.${prefix}${this.state.seq}`
  }

  emit(type: string, fields: Omit<HistoryEvent, 'instanceId' | 'type' | 'at'> & { at?: string } = {}): void {
    this.events.push({ instanceId: this.state.id, type, at: this.at, ...fields })
  }

  token(id: string): Token | undefined {
    return this.state.tokens.find((t) => t.id === id)
  }

  /** Place a new token on `elementId` and run it (and whatever follows) to its next wait. */
  async enter(elementId: string, extra: Partial<Token> = {}): Promise<Token> {
    const token = this.spawn(elementId, extra)
    await this.drain()
    return token
  }

  /** Place a new token to be run by the current drain (behaviours use this to stay non-reentrant). */
  spawn(elementId: string, extra: Partial<Token> = {}): Token {
    const token: Token = { id: this.nextId('t'), element: elementId, ...extra }
    if (token.scope === undefined) delete token.scope
    this.state.tokens.push(token)
    this.queue.push(token)
    return token
  }

  /**
   * Enter an element anywhere in the process (退回, 撤回): the sub-processes around it are
   * re-opened as scopes without running their start events.
   */
  async enterAt(elementId: string): Promise<void> {
    const chain: string[] = []
    for (let parent = this.element(elementId).parent; parent; parent = this.element(parent).parent) chain.unshift(parent)
    const multi = chain.find((sub) => this.element(sub).multi)
    // Which inner instance would it re-open? There is no single answer, so refuse.
    if (multi) throw new EngineError(ErrorCode.INVALID_RETURN_TARGET, `Cannot go back to ${elementId}: it is inside multi-instance sub-process ${multi}`)
    await armEventSubProcesses(this, undefined, rootOwner(this))
    let scope: string | undefined
    for (const sub of chain) {
      const token: Token = { id: this.nextId('t'), element: sub, waiting: 'scope', ...(scope ? { scope } : {}) }
      this.state.tokens.push(token)
      this.emit('activity.entered', { element: sub })
      await armBoundaries(this, token, this.element(sub))
      await armEventSubProcesses(this, sub, token.id)
      scope = token.id
    }
    await this.enter(elementId, scope ? { scope } : {})
  }

  private async drain(): Promise<void> {
    // Iterative, not recursive: long chains of pass-through elements must not grow the stack.
    for (;;) {
      for (let token = this.queue.shift(); token; token = this.queue.shift()) {
        if (!this.token(token.id) || this.state.status !== InstanceStatus.active) continue
        const el = this.element(token.element)
        if (el.kind !== 'parallelGateway' && el.kind !== 'inclusiveGateway') this.emit('activity.entered', { element: el.id })
        await behaviorFor(el.kind).enter(this, token, el)
      }
      // A token that ended or moved elsewhere may unblock an inclusive join.
      const join = this.state.tokens.find((t) => t.waiting === 'join' && this.element(t.element).kind === 'inclusiveGateway' && inclusiveJoinReady(this, this.element(t.element), t))
      if (!join || this.state.status !== InstanceStatus.active) return
      fireInclusive(this, join, this.element(join.element))
    }
  }

  /** Complete `token`'s element and move on along `flowIds` (all outgoing flows by default). */
  leave(token: Token, flowIds: string[] = this.element(token.element).outgoing, options: { silent?: boolean } = {}): void {
    this.removeToken(token)
    if (!options.silent) this.emit('activity.completed', { element: token.element })
    for (const flowId of flowIds) this.spawn(this.def.flows[flowId]!.target, { via: flowId, scope: token.scope })
  }

  /** Run an existing token's element again (incident retry). */
  requeue(token: Token): void {
    this.queue.push(token)
  }

  /** Continue queued tokens after `leave` outside of `enter`. */
  async settle(): Promise<void> {
    await this.drain()
  }

  removeToken(token: Token): void {
    this.state.tokens = this.state.tokens.filter((t) => t.id !== token.id)
    this.state.subscriptions = this.state.subscriptions.filter((s) => s.tokenId !== token.id)
  }

  /** Remove a token that did not complete: close its tasks, jobs and message waits. */
  async cancelToken(token: Token, reason: string): Promise<void> {
    for (const child of this.state.tokens.filter((t) => t.scope === token.id)) await this.cancelToken(child, reason)
    await this.release(token, reason)
    this.removeToken(token)
    this.state.incidents = this.state.incidents.filter((i) => i.tokenId !== token.id)
    for (const child of token.calls?.children ?? []) await cancelCalled(this, child)
  }

  /** Close what a token still holds (open tasks, jobs, boundary waits) before it moves on. */
  async release(token: Token, reason: string): Promise<void> {
    await this.tx.deleteJobs({ instanceId: this.state.id, tokenId: token.id })
    this.state.subscriptions = this.state.subscriptions.filter((s) => s.tokenId !== token.id)
    // Only a token on a user task holds tasks: those of its round not yet decided, and its signers'
    // (held). Skip the query when it can hold none.
    const round = token.round
    if (this.def.elements[token.element]?.kind !== 'userTask' || (round && round.created === round.agree + round.disagree && !Object.keys(round.held).length)) return
    for (const task of await this.tx.findTasks({ instanceId: this.state.id, tokenId: token.id })) {
      if (task.status !== 'open' && task.status !== 'waiting') continue
      await this.tx.updateTask({ ...task, status: 'cancelled', completedAt: this.at })
      this.emit('task.cancelled', { element: task.element, taskId: task.id, outcome: reason })
    }
  }

  /** Cancel every token and the process-level event waits (the case deadline job stays). */
  async cancelAll(reason: string): Promise<void> {
    for (const token of [...this.state.tokens]) await this.cancelToken(token, reason)
    await disarmEventSubProcesses(this, rootOwner(this))
    this.queue.length = 0
  }

  /** Runtime failure: the token stops here with a message; the instance stays active. */
  incident(token: Token, message: string): void {
    token.waiting = 'incident'
    token.incident = message
    this.state.incidents.push({ tokenId: token.id, element: token.element, message, at: this.at })
    this.emit('incident', { element: token.element, data: { message } })
  }

  /** End the instance. */
  async end(status: typeof InstanceStatus.completed | typeof InstanceStatus.terminated, outcome: string, actor?: string): Promise<void> {
    if (status === InstanceStatus.terminated) await this.cancelAll(outcome)
    await this.tx.deleteJobs({ instanceId: this.state.id })
    this.state.subscriptions = []
    this.state.status = status
    this.state.outcome = outcome
    this.state.endedAt = this.at
    this.emit(status === InstanceStatus.completed ? 'process.completed' : 'process.terminated', { outcome, ...(actor ? { actor } : {}) })
    if (this.state.parent) await returnToCaller(this)
  }

  async addJob(type: JobType, dueAt: Date, refs: { tokenId?: string; taskId?: string }, payload: Record<string, unknown> = {}): Promise<void> {
    const job: JobRow = {
      id: this.nextId('j'),
      instanceId: this.state.id,
      definitionId: null,
      type,
      dueAt: dueAt.toISOString(),
      taskId: refs.taskId ?? null,
      tokenId: refs.tokenId ?? null,
      payload,
      lockOwner: null,
      lockExpiresAt: null,
    }
    await this.tx.insertJob(job)
  }

  /** A fresh task row with defaults; callers override what differs. */
  newTask(token: Token, fields: Partial<TaskRow>): TaskRow {
    const el = this.element(token.element)
    return {
      id: this.nextId('k'),
      instanceId: this.state.id,
      definitionId: this.state.definitionId,
      element: el.id,
      name: el.name ?? null,
      tokenId: token.id,
      assignee: null,
      candidates: [],
      owner: null,
      status: 'open',
      signerFor: null,
      form: el.userTask?.form ?? null,
      createdAt: this.at,
      due: null,
      warnAt: null,
      completedAt: null,
      completedBy: null,
      outcome: null,
      comment: null,
      ...fields,
    }
  }
}
