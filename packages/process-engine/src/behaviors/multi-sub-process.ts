/**
 * Multi-instance embedded sub-processes: the outer token waits while one inner instance per
 * item of `hall:collection` (or `loopCardinality` of them) runs, all at once or one after
 * another. Each inner instance is a scope token with its own local variables (the element
 * variable, `loopCounter`, and whatever is set inside); with `hall:outputCollection` their
 * locals are collected in item order. A completion condition that holds cancels the rest.
 * Boundary events sit on the outer token, so an interrupting one cancels every inner instance.
 */
import type { ElementDef } from '../definition/model'
import type { Run } from '../runtime/run'
import type { Token } from '../runtime/state'
import { armBoundaries } from './catch'
import { armEventSubProcesses } from './event-sub-process'

type Loop = NonNullable<Token['loop']>

/** Enter a multi-instance sub-process: plan its inner instances and start the first (or all). */
export async function enterMultiSubProcess(run: Run, token: Token, element: ElementDef): Promise<void> {
  const multi = element.multi!
  const scope = run.variablesAt(token)
  let items: unknown[] | undefined
  let total: number
  if (multi.collection) {
    const result = multi.collection.evaluate(scope)
    if ('error' in result || !Array.isArray(result.value)) {
      return run.incident(token, `Expected hall:collection '=${multi.collection.source}' to be a list, but got ${'error' in result ? result.error : JSON.stringify(result.value)}`)
    }
    items = result.value
    total = items.length
  } else {
    const result = multi.cardinality!.evaluate(scope)
    if ('error' in result || typeof result.value !== 'number' || !Number.isInteger(result.value) || result.value < 0) {
      return run.incident(token, `Expected loopCardinality '=${multi.cardinality!.source}' to be a whole number of at least 0, but got ${'error' in result ? result.error : JSON.stringify(result.value)}`)
    }
    total = result.value
  }
  token.waiting = 'scope'
  token.loop = { total, started: 0, completed: 0, outputs: [], ...(items ? { items } : {}) }
  await armBoundaries(run, token, element)
  if (total === 0) return finishLoop(run, token, element)
  for (let i = 0; i < (multi.sequential ? 1 : total); i++) await startInner(run, token, element)
}

async function startInner(run: Run, outer: Token, element: ElementDef): Promise<void> {
  const loop = outer.loop!
  const index = loop.started++
  const locals: Record<string, unknown> = { loopCounter: index + 1 }
  if (loop.items) locals[element.multi!.elementVariable] = loop.items[index]
  // The inner instance waits as a scope around its own tokens; it is not run itself.
  const inner: Token = { id: run.nextId('t'), element: element.id, waiting: 'scope', scope: outer.id, locals }
  run.state.tokens.push(inner)
  await armEventSubProcesses(run, element.id, inner.id)
  run.spawn(element.start!, { scope: inner.id })
}

/** The last token of inner instance `inner` ended: count it, then continue, wait, or finish the loop. */
export async function completeInner(run: Run, inner: Token): Promise<void> {
  await run.release(inner, 'completed')
  run.removeToken(inner)
  const outer = inner.scope === undefined ? undefined : run.token(inner.scope)
  if (!outer?.loop) return
  const element = run.element(outer.element)
  const loop = outer.loop
  loop.completed++
  if (element.multi!.outputCollection) loop.outputs[Number(inner.locals!.loopCounter) - 1] = inner.locals
  if (loop.completed >= loop.total || completionHolds(run, outer, element, loop)) return finishLoop(run, outer, element)
  if (element.multi!.sequential) await startInner(run, outer, element)
}

async function finishLoop(run: Run, outer: Token, element: ElementDef): Promise<void> {
  const loop = outer.loop!
  // Inner instances still running when the completion condition held are no longer needed.
  for (const inner of run.state.tokens.filter((t) => t.scope === outer.id && t.locals)) await run.cancelToken(inner, 'completion condition')
  delete outer.loop
  const output = element.multi!.outputCollection
  // Cancelled inner instances leave holes in item order; JSON keeps them as null.
  if (output) run.setVariables(outer, { [output]: loop.outputs.filter((o) => o != null) })
  await run.release(outer, 'completed')
  run.leave(outer)
}

function completionHolds(run: Run, outer: Token, element: ElementDef, loop: Loop): boolean {
  const condition = element.multi!.completionCondition
  if (!condition) return false
  const result = condition.evaluate({
    ...run.variablesAt(outer),
    nrOfInstances: loop.total,
    nrOfCompletedInstances: loop.completed,
    nrOfActiveInstances: loop.started - loop.completed,
  })
  return 'value' in result && result.value === true
}
