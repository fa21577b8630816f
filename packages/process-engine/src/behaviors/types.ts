import type { ElementDef } from '../definition/model'
import type { Run } from '../runtime/run'
import type { Token } from '../runtime/state'

/** What an element does when a token arrives. It either calls `run.leave` or leaves the token waiting. */
export interface Behavior {
  enter(run: Run, token: Token, element: ElementDef): Promise<void> | void
}
