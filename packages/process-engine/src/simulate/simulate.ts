/**
 * Run a BPMN document against a scenario on a virtual clock and the memory store, yielding
 * trace lines as history happens. The designer's test run and `hall simulate` use this.
 */
import { createOrgResolver, type OrgFixture } from '../assignment/org-fixture'
import { createEngine, type Engine } from '../runtime/engine'
import { createMemoryStore } from '../store/memory-store'
import type { HistoryEvent } from '../store/types'
import { createFakeClock, type FakeClock } from '../testing/fake-clock'
import { createCalendar, type Calendar } from '../time/calendar'
import { parseDeadline } from '../time/duration'
import { assertScenario, type Scenario, type ScenarioExpectation, type ScenarioStep, type TraceLine } from './scenario'
import { sameValue } from '../runtime/same-value'

const EMPTY_ORG: OrgFixture = { users: [], depts: [] }

/**
 * Yields trace lines; the last one is `{ type: 'simulation.finished', ok }`. Steps act on the
 * first instance; instances a timer-start cycle starts later are traced as well.
 */
export async function* simulate(bpmnXml: string, scenario: Scenario, org: OrgFixture = EMPTY_ORG): AsyncGenerator<TraceLine> {
  assertScenario(scenario)
  const calendar = createCalendar()
  const clock = createFakeClock(scenario.start.at)
  const instances: string[] = []
  let n = 0
  const onEvents = (events: HistoryEvent[]) => {
    for (const e of events) if (e.type === 'process.started' && !e.data?.parent && !instances.includes(e.instanceId)) instances.push(e.instanceId)
  }
  const engine = createEngine({ store: createMemoryStore(), clock, calendar, resolver: createOrgResolver(org), newId: () => `sim-${++n}`, onEvents })
  const format = (iso: string) => calendar.format(new Date(iso))
  const seen = new Map<string, number>()
  const drain = async function* () {
    const fresh: HistoryEvent[] = []
    for (const instance of instances) {
      const events = await engine.history(instance)
      fresh.push(...events.slice(seen.get(instance) ?? 0))
      seen.set(instance, events.length)
    }
    // Several instances (a timer-start cycle) interleave in time; the sort is stable within each.
    for (const event of fresh.sort((a, b) => a.at.localeCompare(b.at))) yield toTrace(event, format)
  }
  const finished = (ok: boolean, message?: string, step?: number): TraceLine => ({ type: 'simulation.finished', at: calendar.format(clock.now()), ok, ...(step ? { step } : {}), ...(message ? { message } : {}) })

  let pending: () => Promise<Date[]>
  try {
    const def = await engine.deploy(bpmnXml)
    pending = async () => [...(await engine.definitionJobs(def.id)), ...(await Promise.all(instances.map((i) => engine.jobs(i)))).flat()].map((j) => new Date(j.dueAt))
    if ((await engine.definition(def.id)).noneStart) {
      if (!scenario.start.initiator) throw new Error('Expected start.initiator for a process with a none start event')
      await engine.start({ definitionId: def.id, initiator: scenario.start.initiator, variables: scenario.start.variables ?? {}, ...(scenario.start.businessKey ? { businessKey: scenario.start.businessKey } : {}) })
    } else {
      // Started by a timer only: run the virtual clock to the first occurrence.
      const [first] = (await pending()).sort((a, b) => a.getTime() - b.getTime())
      if (first) await advanceTo(engine, clock, pending, first)
      if (!instances.length) throw new Error(`Expected ${def.id} to start by a none start event or a timer, but nothing started it`)
    }
  } catch (error) {
    yield finished(false, (error as Error).message)
    return
  }
  yield* drain()

  for (const [index, step] of scenario.steps.entries()) {
    const number = index + 1
    let failure: string | undefined
    try {
      failure = await apply(engine, clock, calendar, instances[0]!, pending, step)
    } catch (error) {
      failure = (error as Error).message
    }
    yield* drain()
    if (failure) {
      yield finished(false, `Step ${number} (${describe(step)}): ${failure}`, number)
      return
    }
  }
  yield finished(true)
}

function toTrace(event: HistoryEvent, format: (iso: string) => string): TraceLine {
  const data = event.data ?? {}
  const line: TraceLine = { type: event.type, at: format(event.at) }
  if (event.element) line.element = event.element
  if (Array.isArray(data.assignees)) line.assignees = data.assignees as string[]
  if (event.due) line.due = format(event.due)
  if (event.actor) line.by = event.actor
  if (event.outcome) line.outcome = event.outcome
  if (typeof data.reason === 'string') line.reason = data.reason
  if (typeof data.message === 'string') line.message = data.message
  return line
}

function describe(step: ScenarioStep): string {
  const [key] = Object.keys(step)
  const value = (step as Record<string, unknown>)[key ?? '']
  return `${key} ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`
}

/** Fire due jobs (`pending` due times) in time order up to `target`, so timers see the clock they expect. */
async function advanceTo(engine: Engine, clock: FakeClock, pending: () => Promise<Date[]>, target: Date): Promise<void> {
  for (;;) {
    const next = (await pending()).filter((d) => d <= target).sort((a, b) => a.getTime() - b.getTime())[0]
    if (!next) break
    if (next > clock.now()) clock.set(next)
    await engine.runDueJobs({ owner: 'simulator' })
  }
  if (target > clock.now()) clock.set(target)
}

/** Returns a failure message, or undefined when the step held. */
async function apply(engine: Engine, clock: FakeClock, calendar: Calendar, id: string, pending: () => Promise<Date[]>, step: ScenarioStep): Promise<string | undefined> {
  const waitingTask = async (element: string, by?: string) => {
    const open = await engine.findTasks({ instanceId: id, status: 'open' })
    const task = open.find((t) => t.element === element && (!by || t.assignee === by || (t.assignee === null && t.candidates.includes(by))))
    if (!task) throw new Error(`${element} is not waiting${by ? ` for ${by}` : ''}; open tasks: [${open.map((t) => `${t.element}:${t.assignee ?? t.candidates.join('|')}`).join(', ')}]`)
    return { task, by: by ?? task.assignee ?? task.candidates[0] ?? '' }
  }
  if ('complete' in step) {
    const { task, by } = await waitingTask(step.complete, step.by)
    await engine.complete(task.id, { by, ...(step.outcome ? { outcome: step.outcome } : {}), ...(step.comment ? { comment: step.comment } : {}), ...(step.variables ? { variables: step.variables } : {}) })
  } else if ('return' in step) {
    const { task, by } = await waitingTask(step.return, step.by)
    await engine.returnTo(task.id, { by, target: step.to, ...(step.comment ? { comment: step.comment } : {}) })
  } else if ('reject' in step) {
    const { task, by } = await waitingTask(step.reject, step.by)
    await engine.reject(task.id, { by, ...(step.comment ? { comment: step.comment } : {}) })
  } else if ('advance' in step) {
    const spec = parseDeadline(step.advance)
    if (!spec) return `Expected a duration like P3D or 2wd, but got '${step.advance}'`
    await advanceTo(engine, clock, pending, calendar.deadline(clock.now(), spec))
  } else if ('until' in step) {
    const target = new Date(step.until)
    if (Number.isNaN(target.getTime()) || target < clock.now()) return `Expected a date-time after ${calendar.format(clock.now())}, but got '${step.until}'`
    await advanceTo(engine, clock, pending, target)
  } else if ('correlate' in step) {
    if (!(await engine.correlate(id, step.correlate, step.variables ?? {}))) return `nothing waits for message '${step.correlate}'`
  } else if ('suspend' in step) {
    await engine.suspendClock(id, { by: step.by ?? 'simulator', reason: step.suspend })
  } else if ('resume' in step) {
    await engine.resumeClock(id, { by: step.by ?? 'simulator' })
  } else if ('extend' in step) {
    await engine.extend(id, { by: step.by ?? 'simulator', workingDays: step.extend, reason: step.reason })
  } else if ('expect' in step) {
    return check(engine, id, step.expect)
  } else {
    return `unknown step ${JSON.stringify(step)}`
  }
  return undefined
}

async function check(engine: Engine, id: string, expected: ScenarioExpectation): Promise<string | undefined> {
  const state = (await engine.getInstance(id))!
  const failures: string[] = []
  if (expected.waiting) {
    const open = (await engine.findTasks({ instanceId: id })).filter((t) => t.status === 'open' || t.status === 'waiting').map((t) => t.element)
    const waiting = [...new Set([...open, ...state.tokens.filter((t) => t.waiting && t.waiting !== 'task' && t.waiting !== 'scope').map((t) => t.element)])].sort()
    const want = [...expected.waiting].sort()
    if (JSON.stringify(waiting) !== JSON.stringify(want)) failures.push(`expected waiting ${JSON.stringify(want)}, but waiting ${JSON.stringify(waiting)}`)
  }
  if (expected.status && state.status !== expected.status) failures.push(`expected status ${expected.status}, but it is ${state.status}`)
  if (expected.outcome && state.outcome !== expected.outcome) failures.push(`expected outcome ${expected.outcome}, but it is ${state.outcome ?? 'none'}`)
  for (const [key, value] of Object.entries(expected.variables ?? {})) {
    if (!sameValue(state.variables[key], value)) failures.push(`expected variable ${key} = ${JSON.stringify(value)}, but it is ${JSON.stringify(state.variables[key])}`)
  }
  return failures.length ? failures.join('; ') : undefined
}
