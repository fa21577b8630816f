/**
 * Embedded sub-processes: the sub-process token waits as a scope while inner tokens run;
 * it completes when its last inner token ends, and errors thrown inside bubble out to the
 * nearest matching error boundary event.
 */
import type { Run } from '../runtime/run'
import { InstanceStatus, type Token } from '../runtime/state'
import { armBoundaries } from './catch'
import { armEventSubProcesses, rootOwner, startEventSubProcess } from './event-sub-process'
import { completeInner, enterMultiSubProcess } from './multi-sub-process'
import { errorCatcher } from './service-task'
import type { Behavior } from './types'

export const subProcess: Behavior = {
  async enter(run, token, element) {
    if (element.multi) return enterMultiSubProcess(run, token, element)
    token.waiting = 'scope'
    await armBoundaries(run, token, element)
    await armEventSubProcesses(run, element.id, token.id)
    run.spawn(element.start!, { scope: token.id })
  },
}

/** After a token ended in `scope`: complete the sub-process (or the instance) when nothing is left. */
export async function completeScopeIfDone(run: Run, scope: string | undefined): Promise<void> {
  if (scope === undefined) {
    if (run.state.tokens.length === 0) await run.end(InstanceStatus.completed, 'completed')
    return
  }
  if (run.state.tokens.some((t) => t.scope === scope)) return
  const scopeToken = run.token(scope)
  if (!scopeToken) return
  if (scopeToken.locals) return completeInner(run, scopeToken)
  await run.release(scopeToken, 'completed')
  run.leave(scopeToken)
  // An event sub-process has no outgoing flow: its end may complete the scope around it.
  if (!run.element(scopeToken.element).outgoing.length) await completeScopeIfDone(run, scopeToken.scope)
}

/** A terminate end event inside a sub-process ends only that sub-process. */
export async function terminateScope(run: Run, scope: string | undefined): Promise<void> {
  if (scope === undefined) return run.end(InstanceStatus.terminated, 'terminated')
  for (const inner of run.state.tokens.filter((t) => t.scope === scope)) await run.cancelToken(inner, 'terminated')
  await completeScopeIfDone(run, scope)
}

/** Propagate a BPMN error from `scope` outwards; uncaught at process level, the instance ends with it. */
export async function throwError(run: Run, scope: string | undefined, code: string): Promise<void> {
  // Innermost first: an error event sub-process of the scope, then an error boundary on it.
  for (let scopeToken: Token | undefined = scope ? run.token(scope) : undefined; scopeToken; scopeToken = scopeToken.scope ? run.token(scopeToken.scope) : undefined) {
    // A multi-instance sub-process: event sub-processes run per inner instance, boundaries on the outer token.
    if (!scopeToken.loop && (await catchInScope(run, scopeToken.element, scopeToken.id, code))) return
    const catcher = scopeToken.locals ? undefined : errorCatcher(run, run.element(scopeToken.element), code)
    if (catcher) {
      await run.cancelToken(scopeToken, `error:${code}`)
      run.spawn(catcher.id, { triggered: true, scope: scopeToken.scope })
      return
    }
  }
  if (await catchInScope(run, undefined, rootOwner(run), code)) return
  await run.end(InstanceStatus.terminated, `error:${code}`)
}

/** Start the scope's error event sub-process for `code`, if it has one. */
async function catchInScope(run: Run, scopeElement: string | undefined, ownerId: string, code: string): Promise<boolean> {
  const handler = Object.values(run.def.elements).find((es) => {
    const trigger = es.triggeredByEvent && es.parent === scopeElement ? run.element(es.start!).trigger : undefined
    return trigger?.kind === 'error' && (!trigger.code || trigger.code === code)
  })
  if (!handler) return false
  await startEventSubProcess(run, ownerId, handler.start!)
  return true
}
