/**
 * Service tasks call a named handler (`hall:handler`). Handlers run inside the command's
 * transaction, so they must be quick and must not do I/O that cannot be repeated; long work
 * belongs behind a receive task and a message. Built-ins: `setVariables`, `notify`.
 */
import type { ElementDef } from '../definition/model'
import type { Run } from '../runtime/run'
import type { Behavior } from './types'

/** Throw this from a handler to raise a BPMN error that an error boundary event can catch. */
export class BpmnError extends Error {
  constructor(readonly code: string, message = code) {
    super(message)
    this.name = 'BpmnError'
  }
}

export interface ServiceCall {
  instanceId: string
  element: string
  /** Values of the task's `hall:input` children, evaluated against the variables. */
  inputs: Record<string, unknown>
  variables: Readonly<Record<string, unknown>>
}

/** Returns variables to merge into the instance (or nothing). */
export type ServiceHandler = (call: ServiceCall) => Record<string, unknown> | void | Promise<Record<string, unknown> | void>

export const builtinHandlers: Record<string, ServiceHandler> = {
  setVariables: (call) => call.inputs,
  notify: () => undefined,
}

/** The error boundary event on `activity` that catches `code`, if any. */
export function errorCatcher(run: Run, activity: ElementDef, code: string | undefined): ElementDef | undefined {
  return activity.boundaries.map((id) => run.element(id)).find((b) => b.trigger?.kind === 'error' && (!b.trigger.code || !code || b.trigger.code === code))
}

export const serviceTask: Behavior = {
  async enter(run, token, element) {
    const spec = element.handler!
    const handler = run.env.handlers[spec.name]
    if (!handler) return run.incident(token, `Expected a service handler named '${spec.name}', but none is registered`)
    const inputs: Record<string, unknown> = {}
    for (const [name, expression] of Object.entries(spec.inputs)) {
      const result = expression.evaluate(run.variablesAt(token))
      if ('error' in result) return run.incident(token, `Expected input '${name}' to evaluate, but it failed: ${result.error}`)
      inputs[name] = result.value
    }
    try {
      const output = await handler({ instanceId: run.state.id, element: element.id, inputs, variables: run.variablesAt(token) })
      if (spec.name === 'notify') run.emit('notification', { element: element.id, data: inputs })
      run.setVariables(token, output ?? {})
      run.leave(token)
    } catch (error) {
      const catcher = error instanceof BpmnError ? errorCatcher(run, element, error.code) : undefined
      if (!catcher) return run.incident(token, `Expected handler '${spec.name}' to succeed, but it threw: ${(error as Error).message}`)
      run.removeToken(token)
      run.emit('activity.completed', { element: element.id, outcome: `error:${(error as BpmnError).code}` })
      run.spawn(catcher.id, { triggered: true, scope: token.scope })
    }
  },
}
