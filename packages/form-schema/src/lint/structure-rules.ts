import { findFormat } from '../formats/index'
import { declarativeReactions } from '../reactions/evaluate'
import { ancestors, dataChildren, type SchemaNode } from '../schema/tree'
import { isSchemaRequired, isStaticallyHidden, validatorRules } from '../schema/field-flags'
import { SUPPORTED_COMPONENTS, UPLOAD_COMPONENTS } from './components'
import { LINT_CODES as L, problem, type LintRule } from './types'

/** Two fields in different layout groups of one object would write the same value. */
export const duplicateNames: LintRule = ({ nodes }) => {
  const seen = new Map<string, SchemaNode>()
  return nodes.flatMap((node) => {
    if (node.kind === 'void') return []
    const first = seen.get(node.path)
    if (!first) {
      seen.set(node.path, node)
      return []
    }
    return [
      problem(
        L.DUPLICATE_NAME,
        node,
        `Field name "${node.path}" is already used at ${first.address}`,
      ),
    ]
  })
}

export const unknownComponents: LintRule = ({ nodes, catalog }) => {
  const known = new Set<string>([...SUPPORTED_COMPONENTS, ...(catalog.components ?? [])])
  return nodes.flatMap((node) => {
    const component = node.schema['x-component']
    return component === undefined || known.has(component)
      ? []
      : [problem(L.UNKNOWN_COMPONENT, node, `Unknown component "${component}"`)]
  })
}

export const unknownFormats: LintRule = ({ nodes }) =>
  nodes.flatMap((node) => {
    const names = [node.schema.format, ...validatorRules(node.schema).map((r) => r.format)]
    return names
      .filter((n) => n !== undefined && !findFormat(n))
      .map((n) => problem(L.UNKNOWN_FORMAT, node, `Unknown format "${n}"`))
  })

/**
 * A required field that starts hidden and that no reaction can show would
 * block nobody (hidden fields are not required) but signals a design mistake.
 */
export const requiredHidden: LintRule = ({ nodes }) =>
  nodes.flatMap((node) => {
    if (!isSchemaRequired(node.schema, node.listedRequired)) return []
    const hiddenBy = [node, ...ancestors(node)].find(
      (n) =>
        isStaticallyHidden(n.schema) &&
        !declarativeReactions(n.schema).some((r) => r.then.visible !== undefined),
    )
    if (!hiddenBy) return []
    const where = hiddenBy === node ? 'it is hidden' : `${hiddenBy.address} is hidden`
    return [
      problem(
        L.REQUIRED_HIDDEN,
        node,
        `"${node.path}" is required but ${where} and no reaction shows it`,
      ),
    ]
  })

export const unknownRequiredNames: LintRule = ({ nodes }) =>
  nodes.flatMap((node) => {
    const list = node.kind === 'array' ? node.schema.items?.required : node.schema.required
    if (!Array.isArray(list) || node.kind === 'void') return []
    const own = new Set(dataChildren(node).map((c) => c.key))
    return (list as readonly string[])
      .filter((name) => !own.has(name))
      .map((name) =>
        problem(
          L.UNKNOWN_REQUIRED_NAME,
          node,
          `required lists "${name}", which is not a property`,
          'warning',
        ),
      )
  })

export const materialOnUpload: LintRule = ({ nodes }) =>
  nodes.flatMap((node) => {
    const component = node.schema['x-component']
    if (
      node.schema['x-material'] === undefined ||
      (component !== undefined && UPLOAD_COMPONENTS.includes(component))
    )
      return []
    return [
      problem(
        L.MATERIAL_NOT_UPLOAD,
        node,
        `x-material belongs on an Upload, not on ${component ?? 'a field without component'}`,
      ),
    ]
  })
