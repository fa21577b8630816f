/** Start, end, throw and catch events. */
import { completeScopeIfDone, terminateScope, throwError } from './sub-process'
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
    if (trigger?.kind === 'terminate') return terminateScope(run, token.scope)
    if (trigger?.kind === 'error') return throwError(run, token.scope, trigger.code ?? element.id)
    await completeScopeIfDone(run, token.scope)
  },
}
