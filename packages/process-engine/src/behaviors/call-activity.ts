/**
 * Call activities start the latest version of another process (上报件, sub-cases). Variables
 * are copied in at the start and back out on completion; a child that ends any other way
 * raises `error:<outcome>` on the call activity (error boundary, else an incident).
 */
import type { Run } from '../runtime/run'
import { startInstance } from '../runtime/instances'
import { InstanceStatus } from '../runtime/state'
import { armBoundaries } from './catch'
import { errorCatcher } from './service-task'
import type { Behavior } from './types'

export const callActivity: Behavior = {
  async enter(run, token, element) {
    const key = element.calledElement!
    const found = await run.env.loadDefinition(run.tx, { key })
    if (!found?.def.noneStart) return run.incident(token, `Expected a deployed process '${key}' with a none start event, but there is none`)
    token.waiting = 'call'
    await armBoundaries(run, token, element)
    const child = await startInstance(run.unit, {
      row: found.row, def: found.def, startId: found.def.noneStart, initiator: run.state.initiator, variables: run.state.variables,
      parent: { instanceId: run.state.id, tokenId: token.id },
      ...(run.state.businessKey ? { businessKey: run.state.businessKey } : {}),
    })
    // The child may already have ended and moved this token on.
    if (run.token(token.id)) token.called = child.state.id
  },
}

/** A called instance ended: continue (or fail) its call activity in the parent. */
export async function returnToCaller(child: Run): Promise<void> {
  const link = child.state.parent!
  const parent = await child.unit.open(link.instanceId)
  const token = parent?.token(link.tokenId)
  if (!parent || !token || parent.state.status !== InstanceStatus.active) return
  const element = parent.element(token.element)
  if (child.state.status === InstanceStatus.completed) {
    Object.assign(parent.state.variables, child.state.variables)
    await parent.release(token, 'completed')
    parent.leave(token)
    return
  }
  const code = child.state.outcome ?? 'terminated'
  const catcher = errorCatcher(parent, element, code.replace(/^error:/, ''))
  if (!catcher) return parent.incident(token, `Expected called instance ${child.state.id} to complete, but it ended ${code}`)
  delete token.called
  await parent.cancelToken(token, code)
  parent.spawn(catcher.id, { triggered: true, scope: token.scope })
}

/** The call activity was cancelled (boundary, terminate, 退回): end the child too. */
export async function cancelCalled(parent: Run, childId: string): Promise<void> {
  const child = await parent.unit.open(childId)
  if (child?.state.status === InstanceStatus.active) await child.end(InstanceStatus.terminated, 'cancelled by caller')
}
