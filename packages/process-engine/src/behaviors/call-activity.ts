/**
 * Call activities start the latest version of another process (上报件, sub-cases), or the
 * version pinned by `hall:calledVersion`. Variables
 * are copied in at the start and back out on completion; a child that ends any other way
 * raises `error:<outcome>` on the call activity (error boundary, else an incident).
 * Multi-instance call activities start one child per item of `hall:collection` (in parallel
 * or one after another); their outputs are collected instead of merged.
 */
import type { ElementDef } from '../definition/model'
import type { Run } from '../runtime/run'
import { startInstance } from '../runtime/instances'
import { InstanceStatus, type Token } from '../runtime/state'
import { armBoundaries } from './catch'
import { errorCatcher } from './service-task'
import type { Behavior } from './types'

export const callActivity: Behavior = {
  async enter(run, token, element) {
    let items: unknown[] | undefined
    if (element.multi) {
      const collection = element.multi.collection!
      const result = collection.evaluate(run.variablesAt(token))
      if ('error' in result || !Array.isArray(result.value)) {
        return run.incident(token, `Expected hall:collection '=${collection.source}' to be a list, but got ${'error' in result ? result.error : JSON.stringify(result.value)}`)
      }
      items = result.value
    }
    token.waiting = 'call'
    token.calls = { children: [], started: 0, completed: 0, outputs: [], ...(items ? { items } : {}) }
    await armBoundaries(run, token, element)
    if (items?.length === 0) return finish(run, token, element)
    const parallel = items && !element.multi!.sequential ? items.length : 1
    for (let i = 0; i < parallel && run.token(token.id); i++) await startChild(run, token, element)
  },
}

async function startChild(run: Run, token: Token, element: ElementDef): Promise<void> {
  const key = element.calledElement!
  const pinned = element.calledVersion
  // Definition ids are `<key>:<version>` (see deploy).
  const found = await run.env.loadDefinition(run.tx, pinned ? { id: `${key}:${pinned}` } : { key })
  if (!found?.def.noneStart) return run.incident(token, `Expected a deployed process '${key}'${pinned ? ` version ${pinned}` : ''} with a none start event, but there is none`)
  const calls = token.calls!
  const index = calls.started++
  const scope = run.variablesAt(token)
  const variables = element.multi ? { ...scope, [element.multi.elementVariable]: calls.items![index], loopCounter: index + 1 } : scope
  const child = await startInstance(run.unit, {
    row: found.row, def: found.def, startId: found.def.noneStart, initiator: run.state.initiator, variables,
    parent: { instanceId: run.state.id, tokenId: token.id },
    ...(run.state.businessKey ? { businessKey: run.state.businessKey } : {}),
    ...(run.state.unit ? { unit: run.state.unit } : {}),
  })
  calls.children.push(child.state.id)
}

/** A called instance ended: continue, wait for its siblings, or fail the call activity. */
export async function returnToCaller(child: Run): Promise<void> {
  const link = child.state.parent!
  const parent = await child.unit.open(link.instanceId)
  const token = parent?.token(link.tokenId)
  if (!parent || !token?.calls || parent.state.status !== InstanceStatus.active) return
  const element = parent.element(token.element)
  if (child.state.status !== InstanceStatus.completed) {
    const code = child.state.outcome ?? 'terminated'
    const catcher = errorCatcher(parent, element, code.replace(/^error:/, ''))
    if (!catcher) return parent.incident(token, `Expected called instance ${child.state.id} to complete, but it ended ${code}`)
    await parent.cancelToken(token, code)
    parent.spawn(catcher.id, { triggered: true, scope: token.scope })
    return
  }
  const calls = token.calls
  calls.completed++
  if (!element.multi) parent.setVariables(token, child.state.variables)
  else if (element.multi.outputCollection) calls.outputs.push(child.state.variables)
  const total = calls.items?.length ?? 1
  if (calls.completed < total && !completionHolds(parent, token, element, calls)) {
    if (element.multi?.sequential) await startChild(parent, token, element)
    return
  }
  await finish(parent, token, element)
}

async function finish(run: Run, token: Token, element: ElementDef): Promise<void> {
  const calls = token.calls!
  // Detach first: siblings cancelled below must not report back to this token.
  delete token.calls
  if (element.multi?.outputCollection) run.setVariables(token, { [element.multi.outputCollection]: calls.outputs })
  // Siblings still running when a completion condition holds are no longer needed.
  for (const id of calls.children) await cancelCalled(run, id)
  await run.release(token, 'completed')
  run.leave(token)
}

function completionHolds(run: Run, token: Token, element: ElementDef, calls: NonNullable<Token['calls']>): boolean {
  const condition = element.multi?.completionCondition
  if (!condition) return false
  const result = condition.evaluate({
    ...run.variablesAt(token),
    nrOfInstances: calls.items?.length ?? 1,
    nrOfCompletedInstances: calls.completed,
    nrOfActiveInstances: calls.started - calls.completed,
  })
  return 'value' in result && result.value === true
}

/** The call activity was cancelled (boundary, terminate, 退回): end the child too. */
export async function cancelCalled(parent: Run, childId: string): Promise<void> {
  const child = await parent.unit.open(childId)
  if (child?.state.status === InstanceStatus.active) await child.end(InstanceStatus.terminated, 'cancelled by caller')
}
