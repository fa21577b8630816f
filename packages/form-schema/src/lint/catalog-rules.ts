import { parseCollectTarget } from '../collect/collect'
import type { SchemaNode } from '../schema/tree'
import { LINT_CODES as L, problem, type LintCode, type LintInput, type LintRule } from './types'

/** Checks one string-valued key of every node against a catalog list, when the list is given. */
function offered(
  code: LintCode,
  read: (node: SchemaNode) => string | undefined,
  list: (input: LintInput) => readonly string[] | undefined,
  describe: (value: string) => string,
): LintRule {
  return (input) => {
    const allowed = list(input)
    if (!allowed) return []
    return input.nodes.flatMap((node) => {
      const value = read(node)
      return value === undefined || allowed.includes(value)
        ? []
        : [problem(code, node, describe(value))]
    })
  }
}

function prefillPart(node: SchemaNode, scheme: 'dc' | 'user'): string | undefined {
  const source = node.schema['x-prefill']
  return source?.startsWith(`${scheme}:`) ? source.slice(scheme.length + 1) : undefined
}

export const dataCenterPrefill = offered(
  L.UNKNOWN_PREFILL_PATH,
  (node) => prefillPart(node, 'dc'),
  ({ catalog }) => catalog.dataCenterPaths,
  (path) => `The data center does not offer "${path}" for prefill`,
)

export const userPrefill = offered(
  L.UNKNOWN_PREFILL_PATH,
  (node) => prefillPart(node, 'user'),
  ({ catalog }) => catalog.userAttributes,
  (attribute) => `Users have no attribute "${attribute}" to prefill from`,
)

export const dictionaries = offered(
  L.UNKNOWN_DICTIONARY,
  (node) => node.schema['x-dictionary'],
  ({ catalog }) => catalog.dictionaries,
  (id) => `No code table "${id}"`,
)

export const materials = offered(
  L.UNKNOWN_MATERIAL,
  (node) => node.schema['x-material'],
  ({ catalog }) => catalog.materials,
  (id) => `The item's materials checklist has no entry "${id}"`,
)

export const collectTargets: LintRule = (input) =>
  input.nodes.flatMap((node) => {
    const target = node.schema['x-collect']
    if (target === undefined) return []
    if (!parseCollectTarget(target))
      return [
        problem(
          L.BAD_COLLECT_TARGET,
          node,
          `Write-back target "${target}" is not dc:<table>.<column> or a name`,
        ),
      ]
    const allowed = input.catalog.collectTargets
    return allowed && !allowed.includes(target)
      ? [problem(L.BAD_COLLECT_TARGET, node, `Write-back target "${target}" is not offered`)]
      : []
  })
