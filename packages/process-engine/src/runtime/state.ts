/**
 * Instance state: the ONE JSON document a store saves per instance (with a version).
 * Keep it small and plain: it is serialised on every command.
 */
import type { ApprovalMode } from '../definition/model'

export const InstanceStatus = { active: 'active', completed: 'completed', terminated: 'terminated' } as const
export type InstanceStatus = (typeof InstanceStatus)[keyof typeof InstanceStatus]

export type Outcome = 'agree' | 'disagree'

/** Progress of the approval round at a user task token (单人 / 会签 / 或签 / 依次 / 比例). */
export interface ApprovalRound {
  mode: ApprovalMode['kind']
  ratio?: number
  /** Planned assignees in order; sequential rounds create one task at a time. */
  users: string[]
  created: number
  agree: number
  disagree: number
  /** Signers added to a task (加签): the task id → where they sit and the outcome held back. */
  held: Record<string, { position: 'before' | 'after'; users: string[]; outcome?: Outcome }>
}

export interface Token {
  id: string
  element: string
  /** The flow the token arrived by (joins count arrivals per flow). */
  via?: string
  /** Set when the element was entered because its event already happened (event-based gateway). */
  triggered?: boolean
  round?: ApprovalRound
  /** The token of the embedded sub-process this token runs in. */
  scope?: string
  /** Call activities: the instances they started and, for multi-instance ones, the progress. */
  calls?: { children: string[]; started: number; completed: number; items?: unknown[]; outputs: unknown[] }
  /** Multi-instance sub-processes (the outer token): how many inner instances there are, started and done. */
  loop?: { total: number; started: number; completed: number; items?: unknown[]; outputs: unknown[] }
  /**
   * Set on each inner instance of a multi-instance sub-process (a scope token on the
   * sub-process inside the outer one): its element variable, `loopCounter` and every variable
   * set inside it, visible only to the tokens in it.
   */
  locals?: Record<string, unknown>
  /** Why the token is not moving: a task, a join, an event, its sub-process's inner tokens, or an incident. */
  waiting?: 'task' | 'join' | 'event' | 'scope' | 'call' | 'incident'
  incident?: string
}

/** A message wait: correlate(name) continues `element` for `tokenId`. */
export interface Subscription {
  tokenId: string
  message: string
  /** The element that catches: a catch event, receive task, boundary event or event-based gateway target. */
  element: string
}

export interface InstanceState {
  id: string
  definitionId: string
  definitionKey: string
  status: InstanceStatus
  outcome?: string
  initiator: string
  /** The unit (单位) the case belongs to: selects its calendar and is passed to the resolver. */
  unit?: string
  businessKey?: string
  /** Set on instances started by a call activity: where to continue when this one ends. */
  parent?: { instanceId: string; tokenId: string }
  startedAt: string
  endedAt?: string
  variables: Record<string, unknown>
  tokens: Token[]
  subscriptions: Subscription[]
  /** Completed user-task steps in order; 退回 and 撤回 read it. */
  completions: { element: string; by: string; at: string }[]
  /**
   * Steps with `hall:skipIfUnchanged` that their holder agreed to: who, when, and what the step
   * showed then (canonical JSON of its visible fields). Dropped when the step is returned to.
   */
  agreed?: Record<string, { by: string; at: string; shown: string }>
  clock: {
    /** Promised completion (hall:promise), shifted by suspensions and extensions. */
    due?: string
    suspendedAt?: string
    suspendReason?: string
    extendedDays: number
  }
  incidents: { tokenId: string; element: string; message: string; at: string }[]
  /** Counter for ids of tokens, tasks and jobs created inside this instance. */
  seq: number
}
