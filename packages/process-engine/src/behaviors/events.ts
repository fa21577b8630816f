/** Start, end, throw and catch events. */
import { InstanceStatus } from '../runtime/state'
import { arm } from './catch'
import type { Behavior } from './types'

export const startEvent: Behavior = {
  enter: (run, token) => run.leave(token),
}

export const intermediateThrowEvent: Behavior = {
  enter: (run, token) => run.leave(token),
}

/** Catch events and boundary events continue at once when entered because their event happened. */
export const catchEvent: Behavior = {
  async enter(run, token, element) {
    if (token.triggered || element.kind === 'boundaryEvent') return run.leave(token)
    token.waiting = 'event'
    await arm(run, token, element)
  },
}

export const endEvent: Behavior = {
  async enter(run, token, element) {
    run.leave(token, [])
    const trigger = element.trigger
    if (trigger?.kind === 'terminate') return run.end(InstanceStatus.terminated, 'terminated')
    // Without subprocesses an error end event has no catcher: the instance ends with the error code.
    if (trigger?.kind === 'error') return run.end(InstanceStatus.terminated, `error:${trigger.code ?? element.id}`)
    if (run.state.tokens.length === 0) await run.end(InstanceStatus.completed, 'completed')
  },
}
