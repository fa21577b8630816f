import { feelSyntaxError, feelVariables } from '../expressions/feel'
import { conditionFields } from '../reactions/conditions'
import { computedFields } from '../reactions/computed'
import { declarativeReactions } from '../reactions/evaluate'
import { isInSubTable, type SchemaNode } from '../schema/tree'
import { LINT_CODES as L, problem, type LintInput, type LintProblem, type LintRule } from './types'

/** Root names FEEL may read: top-level fields, plus `row` inside a sub-table. */
function checkFeel(
  node: SchemaNode,
  key: string,
  expression: string,
  input: LintInput,
): LintProblem[] {
  const syntax = feelSyntaxError(expression)
  if (syntax)
    return [problem(L.FEEL_SYNTAX, node, `${key} "${expression}" does not parse: ${syntax}`)]
  const roots = new Set([...input.paths].map((p) => p.split('.')[0] ?? ''))
  if (isInSubTable(node)) roots.add('row')
  return feelVariables(expression)
    .filter((name) => !roots.has(name))
    .map((name) =>
      problem(
        L.UNKNOWN_REFERENCE,
        node,
        `${key} reads "${name}", which is not a field of this form`,
      ),
    )
}

function checkPaths(
  node: SchemaNode,
  key: string,
  paths: readonly string[],
  input: LintInput,
): LintProblem[] {
  return paths
    .filter((path) => !input.paths.has(path))
    .map((path) =>
      problem(
        L.UNKNOWN_REFERENCE,
        node,
        `${key} refers to "${path}", which is not a field of this form`,
      ),
    )
}

export const reactionReferences: LintRule = (input) =>
  input.nodes.flatMap((node) =>
    declarativeReactions(node.schema).flatMap((reaction) =>
      checkPaths(node, 'x-reactions', conditionFields(reaction.when), input),
    ),
  )

export const computedReferences: LintRule = (input) =>
  input.nodes.flatMap((node) => {
    const computed = node.schema['x-computed']
    if (computed === undefined) return []
    if (typeof computed === 'string') return checkFeel(node, 'x-computed', computed, input)
    const missing = checkPaths(node, 'x-computed', computedFields(computed), input)
    if (missing.length > 0 || !('sum' in computed)) return missing
    // A sum over a plain field is almost always a sub-table column typed without its table.
    const column = input.nodes.find((n) => n.path === computed.sum)
    return column && isInSubTable(column)
      ? []
      : [
          problem(
            L.SUM_NOT_COLUMN,
            node,
            `sum "${computed.sum}" is not a sub-table column`,
            'warning',
          ),
        ]
  })

export const prefillReferences: LintRule = (input) =>
  input.nodes.flatMap((node) => {
    const source = node.schema['x-prefill']
    if (source === undefined) return []
    if (isInSubTable(node))
      return [
        problem(
          L.PREFILL_IN_SUB_TABLE,
          node,
          'Prefill inside a sub-table row is not supported: rows do not exist yet',
        ),
      ]
    if (source.startsWith('=')) return checkFeel(node, 'x-prefill', source, input)
    if (source.startsWith('field:'))
      return checkPaths(node, 'x-prefill', [source.slice('field:'.length)], input)
    return []
  })
