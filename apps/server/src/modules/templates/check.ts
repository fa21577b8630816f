import { parseFormSchema, type FieldSchema } from '@hall/form-schema'
import { parseDefinition, simulate, type AssigneeSpec, type ProcessDefinition } from '@hall/process-engine'
import { catalogWith } from '../items/publish-context'
import { publishProblems, type PublishContext } from '../items/publish-checks'
import type { TemplateFiles } from './builtin'

/** One thing wrong with a template, named by the part it is in. */
export interface TemplateProblem {
  part: 'manifest' | 'process' | 'form' | 'guide' | 'binding' | 'scenario'
  message: string
}

/** Post codes a process assigns to, escalations included: what an installing unit must map. */
export function postsOf(definition: ProcessDefinition): Set<string> {
  const codes = new Set<string>()
  const add = (specs: AssigneeSpec[]) => specs.forEach((spec) => spec.kind === 'post' && codes.add(spec.id))
  for (const element of Object.values(definition.elements)) {
    if (!element.userTask) continue
    add(element.userTask.assignees)
    if (element.userTask.onTimeout?.kind === 'escalate') add(element.userTask.onTimeout.to)
  }
  return codes
}

/** The publish context of a template: the data-center catalog and its sample organisation. */
function sampleContext(template: TemplateFiles): PublishContext {
  const { org, manifest } = template
  return {
    itemCode: manifest.id,
    catalog: catalogWith(manifest.requires.dictionaries),
    org: {
      userIds: new Set(org.users.map((user) => user.id)),
      heldRoles: new Set(org.users.flatMap((user) => user.roles ?? [])),
      postCodes: new Set((org.posts ?? []).map((post) => post.id)),
    },
  }
}

/**
 * Everything publishing would refuse (the same checks, against the template's sample org), plus
 * the template's own promises: the manifest lists exactly the posts the process uses and the code
 * tables the form draws on, and the scenario runs to its expectations without an incident.
 */
export async function checkTemplate(template: TemplateFiles, folderName: string): Promise<TemplateProblem[]> {
  const { manifest } = template
  const problems: TemplateProblem[] = []
  if (manifest.id !== folderName) problems.push({ part: 'manifest', message: `id ${manifest.id} differs from its folder ${folderName}` })
  for (const problem of await publishProblems(template, sampleContext(template))) {
    if (problem.severity === 'error') problems.push({ part: problem.part, message: `${problem.elementId ?? problem.path ?? ''}: ${problem.message}` })
  }

  const form = parseFormSchema(template.form)
  if (form.ok) {
    const used = dictionariesOf(form.schema)
    for (const table of manifest.requires.dictionaries) {
      if (!used.has(table)) problems.push({ part: 'manifest', message: `requires dictionary ${table}, which the form does not use` })
    }
  }
  const process = await parseDefinition(template.bpmn)
  if (!process.ok) return problems
  const used = postsOf(process.definition)
  const listed = new Set(manifest.requires.posts.map((post) => post.code))
  for (const code of used) if (!listed.has(code)) problems.push({ part: 'manifest', message: `the process assigns post ${code}, which requires.posts does not list` })
  for (const code of listed) if (!used.has(code)) problems.push({ part: 'manifest', message: `requires post ${code}, which the process does not use` })

  for await (const line of simulate(template.bpmn, template.scenario, template.org)) {
    if (line.type === 'simulation.finished' && !line.ok) problems.push({ part: 'scenario', message: line.message ?? 'failed' })
    if (line.type === 'incident') problems.push({ part: 'scenario', message: `incident at ${line.element}: ${line.message}` })
  }
  return problems
}

/** Code tables a form draws options from (`x-dictionary`), sub-tables included. */
export function dictionariesOf(schema: FieldSchema): Set<string> {
  const found = new Set<string>()
  const visit = (field: FieldSchema) => {
    if (typeof field['x-dictionary'] === 'string') found.add(field['x-dictionary'])
    Object.values(field.properties ?? {}).forEach(visit)
    if (field.items) visit(field.items)
  }
  visit(schema)
  return found
}
