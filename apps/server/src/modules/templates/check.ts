import { isDeepStrictEqual } from 'node:util'
import { lint, parseFormSchema, type FieldSchema } from '@hall/form-schema'
import { parseDeadline, parseDefinition, simulate, type AssigneeSpec, type ProcessDefinition } from '@hall/process-engine'
import { CATALOG } from '../datacenter/person-record'
import { guideProblems, guideSchema } from '../items/guide'
import type { TemplateFiles } from './builtin'

/** One thing wrong with a template, named by the part it is in. */
export interface TemplateProblem {
  part: 'manifest' | 'process' | 'form' | 'guide' | 'scenario'
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

const lintCatalog = (materials: string[], dictionaries: string[]) => ({
  dataCenterPaths: CATALOG.filter((entry) => entry.path.startsWith('dc:')).map((entry) => entry.path.slice(3)),
  userAttributes: CATALOG.filter((entry) => entry.path.startsWith('user:')).map((entry) => entry.path.slice(5)),
  dictionaries,
  materials,
})

/**
 * Everything publishing would refuse, plus the template's own promises: the manifest lists exactly
 * the posts the process uses and the code tables the form draws on, and the scenario runs to its
 * expectations on the sample org.
 */
export async function checkTemplate(template: TemplateFiles, folderName: string): Promise<TemplateProblem[]> {
  const problems: TemplateProblem[] = []
  const { manifest } = template
  if (manifest.id !== folderName) problems.push({ part: 'manifest', message: `id ${manifest.id} differs from its folder ${folderName}` })

  const guide = guideSchema.safeParse(template.guide)
  if (!guide.success) {
    for (const issue of guide.error.issues) problems.push({ part: 'guide', message: `${issue.path.join('.')}: ${issue.message}` })
  } else {
    for (const problem of guideProblems(guide.data)) {
      if (problem.severity === 'error') problems.push({ part: 'guide', message: `${problem.field}: ${problem.message}` })
    }
  }
  const materials = guide.success ? guide.data.materials.map((material) => material.id) : []

  const form = parseFormSchema(template.form)
  if (!form.ok) {
    for (const problem of form.problems) problems.push({ part: 'form', message: `${problem.path}: ${problem.message}` })
  } else {
    for (const problem of lint(form.schema, lintCatalog(materials, manifest.requires.dictionaries))) {
      if (problem.severity === 'error') problems.push({ part: 'form', message: `${problem.path}: ${problem.message}` })
    }
    const used = dictionariesOf(form.schema)
    for (const table of manifest.requires.dictionaries) {
      if (!used.has(table)) problems.push({ part: 'manifest', message: `requires dictionary ${table}, which the form does not use` })
    }
  }

  const process = await parseDefinition(template.bpmn)
  if (!process.ok) {
    for (const problem of process.problems) problems.push({ part: 'process', message: `${problem.element}: ${problem.message}` })
  } else {
    const used = postsOf(process.definition)
    const listed = new Set(manifest.requires.posts.map((post) => post.code))
    for (const code of used) if (!listed.has(code)) problems.push({ part: 'manifest', message: `the process assigns post ${code}, which requires.posts does not list` })
    for (const code of listed) if (!used.has(code)) problems.push({ part: 'manifest', message: `requires post ${code}, which the process does not use` })
    const promised = guide.success ? guide.data.promisedLimit : undefined
    if (promised && !isDeepStrictEqual(parseDeadline(`${promised.value}${promised.unit}`), process.definition.promise)) {
      problems.push({ part: 'process', message: `hall:promise differs from the guide's promised limit ${promised.value}${promised.unit}` })
    }
  }

  if (process.ok) {
    for await (const line of simulate(template.bpmn, template.scenario, template.org)) {
      if (line.type === 'simulation.finished' && !line.ok) problems.push({ part: 'scenario', message: line.message ?? 'failed' })
      if (line.type === 'incident') problems.push({ part: 'scenario', message: `incident at ${line.element}: ${line.message}` })
    }
  }
  return problems
}

function dictionariesOf(schema: FieldSchema): Set<string> {
  const found = new Set<string>()
  const visit = (field: FieldSchema) => {
    if (typeof field['x-dictionary'] === 'string') found.add(field['x-dictionary'])
    Object.values(field.properties ?? {}).forEach(visit)
    if (field.items) visit(field.items)
  }
  visit(schema)
  return found
}
