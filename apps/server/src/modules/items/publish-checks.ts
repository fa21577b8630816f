import { lint, parseFormSchema, type LintCatalog } from '@hall/form-schema'
import { isDeepStrictEqual } from 'node:util'
import { parseDeadline, parseDefinition } from '@hall/process-engine'
import { bindingProblems, type OrgIndex } from './bindings'
import { readBpmnElements } from './bpmn-elements'
import { formFields } from './form-fields'
import { guideProblems, guideSchema } from '@hall/guide'
import type { PublishProblem } from './publish-problem'

/** What publishing checks: the draft's three parts as stored. */
export interface PublishCandidate {
  guide: unknown
  form: unknown
  bpmn: string
}

export interface PublishContext {
  itemCode: string
  /** The unit's data-center catalog, code tables and the like, for form lint (materials are added here). */
  catalog: Omit<LintCatalog, 'materials'>
  org: OrgIndex
}

/**
 * Every problem that stops (errors) or should give pause to (warnings) publishing an item, all at
 * once: the engine's deploy check of the BPMN, form lint against the unit's catalog, the guide's
 * completeness, and the bindings between the three. Pure: the caller loads the context.
 */
export async function publishProblems(candidate: PublishCandidate, context: PublishContext): Promise<PublishProblem[]> {
  const problems: PublishProblem[] = []

  const guide = guideSchema.safeParse(candidate.guide)
  if (!guide.success) {
    for (const issue of guide.error.issues) problems.push({ part: 'guide', severity: 'error', path: issue.path.join('.'), message: issue.message })
  } else {
    for (const p of guideProblems(guide.data)) problems.push({ part: 'guide', severity: p.severity, path: p.field, message: p.message })
  }

  const form = parseFormSchema(candidate.form)
  if (!form.ok) {
    for (const p of form.problems) problems.push({ part: 'form', severity: 'error', path: p.path, message: p.message })
  } else {
    const materials = guide.success ? guide.data.materials.map((material) => material.id) : []
    for (const p of lint(form.schema, { ...context.catalog, materials })) problems.push({ part: 'form', severity: p.severity, path: p.path, message: p.message })
  }

  const process = await parseDefinition(candidate.bpmn)
  if (!process.ok) {
    for (const p of process.problems) {
      problems.push({ part: 'process', severity: 'error', ...(p.element === 'definitions' ? {} : { elementId: p.element }), message: p.message })
    }
  }

  // The engine counts the case's deadline from hall:promise; the hall tells applicants the guide's promise.
  const promised = guide.success ? guide.data.promisedLimit : undefined
  if (promised && process.ok) {
    const limit = `${promised.value}${promised.unit}`
    if (!process.definition.promise) {
      problems.push({ part: 'binding', severity: 'warning', path: 'promisedLimit', message: `流程未设承诺时限（hall:promise），办件不会按办事指南的 ${limit} 计时和预警` })
    } else if (!isDeepStrictEqual(parseDeadline(limit), process.definition.promise)) {
      problems.push({ part: 'binding', severity: 'error', path: 'promisedLimit', message: `流程的承诺时限（hall:promise）与办事指南的承诺时限 ${limit} 不一致` })
    }
  }

  // Bindings need all three readable; a part that is not is already listed above.
  const elements = await readBpmnElements(candidate.bpmn)
  if (guide.success && form.ok && elements.ok) {
    problems.push(...bindingProblems({ itemCode: context.itemCode, guide: guide.data, fields: formFields(form.schema), elements: elements.elements, org: context.org }))
  }
  return problems
}
