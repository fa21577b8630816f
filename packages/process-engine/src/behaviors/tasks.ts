/** Tasks without people: pass-through (task, manual task), receive, script. */
import { armBoundaries, arm } from './catch'
import type { Behavior } from './types'

/** bpmn:task and bpmn:manualTask: work done outside the system, recorded as passed. */
export const passTask: Behavior = {
  enter: (run, token) => run.leave(token),
}

export const receiveTask: Behavior = {
  async enter(run, token, element) {
    if (token.triggered) return run.leave(token)
    token.waiting = 'event'
    await arm(run, token, element)
    await armBoundaries(run, token, element)
  },
}

/** FEEL only (never JavaScript): the result lands in `hall:resultVariable`. */
export const scriptTask: Behavior = {
  enter(run, token, element) {
    const script = element.script!
    const result = script.expression.evaluate(run.variablesAt(token))
    if ('error' in result) return run.incident(token, `Expected script '=${script.expression.source}' to evaluate, but it failed: ${result.error}`)
    run.setVariables(token, { [script.resultVariable]: result.value })
    run.leave(token)
  },
}
