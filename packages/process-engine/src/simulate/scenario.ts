/** The scenario format read by `simulate` and `hall simulate` (see README "Simulation"). */
import type { Outcome } from '../runtime/state'

export interface Scenario {
  /**
   * `at` is when the process is deployed and, with a none start event, started by `initiator`.
   * A process started only by a timer needs no initiator: the clock runs to its first timer start.
   */
  start: { at: string; initiator?: string; variables?: Record<string, unknown>; businessKey?: string }
  steps: ScenarioStep[]
}

export type ScenarioStep =
  | { complete: string; by?: string; outcome?: Outcome; comment?: string; variables?: Record<string, unknown> }
  | { return: string; to: string; by?: string; comment?: string }
  | { reject: string; by?: string; comment?: string }
  | { advance: string }
  | { until: string }
  | { correlate: string; variables?: Record<string, unknown> }
  | { suspend: string; by?: string }
  | { resume: true; by?: string }
  | { extend: number; reason: string; by?: string }
  | { expect: ScenarioExpectation }

export interface ScenarioExpectation {
  /** Elements with open tasks or waiting tokens, in any order. */
  waiting?: string[]
  status?: 'active' | 'completed' | 'terminated'
  outcome?: string
  variables?: Record<string, unknown>
}

/** One line of simulation output. `at` and `due` are local ISO times with offset (+08:00). */
export interface TraceLine {
  type: string
  at: string
  element?: string
  assignees?: string[]
  due?: string
  by?: string
  outcome?: string
  reason?: string
  message?: string
  step?: number
  ok?: boolean
}

/** Throws with a readable message when `value` is not a scenario. */
export function assertScenario(value: unknown): asserts value is Scenario {
  const s = value as Scenario
  if (!s || typeof s !== 'object' || !s.start || typeof s.start.at !== 'string') throw new Error('Expected a scenario with start.at, but it is missing')
  if (s.start.initiator !== undefined && typeof s.start.initiator !== 'string') throw new Error('Expected start.initiator to be a user id')
  if (Number.isNaN(Date.parse(s.start.at))) throw new Error(`Expected start.at to be an ISO date-time, but got '${s.start.at}'`)
  if (!Array.isArray(s.steps)) throw new Error('Expected scenario.steps to be an array')
}
