/**
 * Typed errors for API misuse. Runtime failures inside a process never throw:
 * they become incidents on the instance (see `runtime/incidents.ts`).
 */
export const ErrorCode = {
  DEFINITION_NOT_FOUND: 'DEFINITION_NOT_FOUND',
  INSTANCE_NOT_FOUND: 'INSTANCE_NOT_FOUND',
  INSTANCE_NOT_ACTIVE: 'INSTANCE_NOT_ACTIVE',
  TASK_NOT_FOUND: 'TASK_NOT_FOUND',
  TASK_NOT_OPEN: 'TASK_NOT_OPEN',
  TASK_NOT_ASSIGNED: 'TASK_NOT_ASSIGNED',
  INVALID_RETURN_TARGET: 'INVALID_RETURN_TARGET',
  WITHDRAW_NOT_ALLOWED: 'WITHDRAW_NOT_ALLOWED',
  CLOCK_STATE: 'CLOCK_STATE',
  EXTENSION_LIMIT: 'EXTENSION_LIMIT',
  VERSION_CONFLICT: 'VERSION_CONFLICT',
  LEASE_LOST: 'LEASE_LOST',
  INVALID_ARGUMENT: 'INVALID_ARGUMENT',
  DEPLOY_FAILED: 'DEPLOY_FAILED',
} as const
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode]

/** Base class: every engine error carries a machine-readable `code`. */
export class EngineError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string) {
    super(message)
    this.name = 'EngineError'
    this.code = code
  }
}

/** Thrown by `StoreTx.saveInstance` when another transaction saved the instance first. */
export class VersionConflict extends EngineError {
  constructor(instanceId: string, expected: number, actual: number | undefined) {
    super(
      ErrorCode.VERSION_CONFLICT,
      `Instance ${instanceId} was expected at version ${expected}, but is at ${actual ?? 'none'}; reload and retry.`,
    )
    this.name = 'VersionConflict'
  }
}

/** Thrown when a worker tries to finish a job whose lease another worker has taken over. */
export class LeaseLost extends EngineError {
  constructor(jobId: string, owner: string) {
    super(ErrorCode.LEASE_LOST, `Job ${jobId} is no longer leased by ${owner}; another worker owns it now.`)
    this.name = 'LeaseLost'
  }
}

/** One problem found while deploying a definition. `element` is the BPMN id, or `definitions` for document-level problems. */
export interface DeployProblem {
  element: string
  message: string
}

/** Thrown by `Engine.deploy` when the BPMN document cannot be run as written. */
export class DeployError extends EngineError {
  readonly problems: DeployProblem[]
  constructor(problems: DeployProblem[]) {
    super(
      ErrorCode.DEPLOY_FAILED,
      `Deployment rejected with ${problems.length} problem(s): ` +
        problems.slice(0, 5).map((p) => `${p.element}: ${p.message}`).join('; '),
    )
    this.name = 'DeployError'
    this.problems = problems
  }
}
