import type { SchemaNode } from '../schema/tree'

/** Problem codes; `error` ones block publishing, `warning` ones inform the designer. */
export const LINT_CODES = {
  DUPLICATE_NAME: 'DUPLICATE_NAME',
  UNKNOWN_COMPONENT: 'UNKNOWN_COMPONENT',
  UNKNOWN_REFERENCE: 'UNKNOWN_REFERENCE',
  FEEL_SYNTAX: 'FEEL_SYNTAX',
  UNKNOWN_FORMAT: 'UNKNOWN_FORMAT',
  REQUIRED_HIDDEN: 'REQUIRED_HIDDEN',
  UNKNOWN_REQUIRED_NAME: 'UNKNOWN_REQUIRED_NAME',
  PREFILL_IN_SUB_TABLE: 'PREFILL_IN_SUB_TABLE',
  UNKNOWN_PREFILL_PATH: 'UNKNOWN_PREFILL_PATH',
  BAD_COLLECT_TARGET: 'BAD_COLLECT_TARGET',
  UNKNOWN_DICTIONARY: 'UNKNOWN_DICTIONARY',
  UNKNOWN_MATERIAL: 'UNKNOWN_MATERIAL',
  MATERIAL_NOT_UPLOAD: 'MATERIAL_NOT_UPLOAD',
  SUM_NOT_COLUMN: 'SUM_NOT_COLUMN',
} as const
export type LintCode = (typeof LINT_CODES)[keyof typeof LINT_CODES]

export interface LintProblem {
  readonly code: LintCode
  readonly severity: 'error' | 'warning'
  /** Template address of the node (void keys included), '' for the root. */
  readonly path: string
  readonly message: string
}

/**
 * What the unit offers, so lint can check names against it. Each list is
 * optional; a check runs only when its list is given.
 */
export interface LintCatalog {
  /** Data-center paths (`person.name`) offered for `dc:` prefill. */
  readonly dataCenterPaths?: readonly string[]
  /** User attributes (`displayName`) offered for `user:` prefill. */
  readonly userAttributes?: readonly string[]
  /** Code table ids for `x-dictionary`. */
  readonly dictionaries?: readonly string[]
  /** Materials-checklist entry ids of the item, for `x-material`. */
  readonly materials?: readonly string[]
  /** Write-back targets: `dc:<table>.<column>` and named targets. */
  readonly collectTargets?: readonly string[]
  /** Components beyond `SUPPORTED_COMPONENTS` the unit's renderer registers. */
  readonly components?: readonly string[]
}

/** What every rule receives: the nodes once, the data paths once, the catalog. */
export interface LintInput {
  readonly nodes: readonly SchemaNode[]
  /** Template data paths of all value-holding nodes. */
  readonly paths: ReadonlySet<string>
  readonly catalog: LintCatalog
}

/** A lint rule: one concern, one function. */
export type LintRule = (input: LintInput) => LintProblem[]

export function problem(
  code: LintCode,
  node: SchemaNode,
  message: string,
  severity: LintProblem['severity'] = 'error',
): LintProblem {
  return { code, severity, path: node.address, message }
}
