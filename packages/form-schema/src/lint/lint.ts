import { buildTree, descendants } from '../schema/tree'
import type { FormSchema } from '../schema/types'
import {
  collectTargets,
  dataCenterPrefill,
  dictionaries,
  materials,
  userPrefill,
} from './catalog-rules'
import { computedReferences, prefillReferences, reactionReferences } from './reference-rules'
import {
  duplicateNames,
  materialOnUpload,
  requiredHidden,
  unknownComponents,
  unknownFormats,
  unknownRequiredNames,
} from './structure-rules'
import type { LintCatalog, LintProblem, LintRule } from './types'

/** Every rule, in the order problems are listed. Adding a check = one rule function and one line here. */
const RULES: readonly LintRule[] = [
  duplicateNames,
  unknownComponents,
  unknownFormats,
  requiredHidden,
  unknownRequiredNames,
  materialOnUpload,
  reactionReferences,
  computedReferences,
  prefillReferences,
  dataCenterPrefill,
  userPrefill,
  dictionaries,
  materials,
  collectTargets,
]

/**
 * Finds design mistakes in a parsed form schema before it is published:
 * duplicate names, unknown components and formats, references to fields that
 * do not exist, FEEL syntax errors, required fields nobody can see, and names
 * the unit's catalog does not offer. Run `parseFormSchema` first; lint
 * assumes well-typed keys.
 *
 * @example
 * const problems = lint(schema, { dataCenterPaths: ['person.name'], dictionaries: ['gender'] })
 * const blocking = problems.filter((p) => p.severity === 'error')
 */
export function lint(schema: FormSchema, catalog: LintCatalog = {}): LintProblem[] {
  const root = buildTree(schema)
  const nodes = [root, ...descendants(root)]
  const paths = new Set(
    nodes.filter((n) => n.kind !== 'void' && n.kind !== 'root').map((n) => n.path),
  )
  return RULES.flatMap((rule) => rule({ nodes, paths, catalog }))
}
