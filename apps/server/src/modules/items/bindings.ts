import { feelVariables } from '@hall/form-schema'
import { roleName } from '../../engine/org-resolver'
import type { BpmnElement } from './bpmn-elements'
import type { FormField } from './form-fields'
import type { Guide } from '@hall/guide'
import type { PublishProblem } from './publish-problem'

/** What the unit has, for checking `hall:assignee` terms: user ids, roles somebody holds, post codes. */
export interface OrgIndex {
  userIds: ReadonlySet<string>
  /** Roles (`window_staff`) held by an active user of the unit; terms may also spell them `windowStaff`. */
  heldRoles: ReadonlySet<string>
  postCodes: ReadonlySet<string>
}

export interface BindingInput {
  itemCode: string
  guide: Guide
  fields: readonly FormField[]
  elements: readonly BpmnElement[]
  org: OrgIndex
}

/** Variables the engine itself sets, which conditions may read beside the form's fields. */
const ENGINE_VARIABLES = ['approvals', 'lastOutcome', 'chosenAssignees', 'initiator', 'loopCounter', 'nrOfInstances', 'nrOfCompletedInstances', 'nrOfActiveInstances', 'nrOfAgreed', 'nrOfDisagreed']

const label = (element: BpmnElement) => `「${element.name ?? element.id}」`

/** Variables the process writes itself: script results, setVariables inputs, multi-instance items and outputs. */
function processVariables(elements: readonly BpmnElement[]): string[] {
  return elements.flatMap((element) => {
    const names: string[] = []
    const result = element.attributes['hall:resultVariable']
    if (result) names.push(result)
    if (element.attributes['hall:handler'] === 'setVariables') {
      for (const key of Object.keys(element.attributes)) {
        const input = /^hall:input\((.+)\)$/.exec(key)
        if (input) names.push(input[1]!)
      }
    }
    for (const match of (element.attributes.loopCharacteristics ?? '').matchAll(/(?:elementVariable|outputCollection)=(\w+)/g)) names.push(match[1]!)
    return names
  })
}

function assigneeProblems(element: BpmnElement, text: string, attribute: string, input: BindingInput, paths: ReadonlySet<string>): PublishProblem[] {
  // A FEEL assignee is computed at run time; its syntax is the engine's check.
  if (text.trim().startsWith('=')) return []
  const problems: PublishProblem[] = []
  const problem = (message: string) => problems.push({ part: 'binding', severity: 'error', elementId: element.id, message: `${label(element)}的${attribute}：${message}` })
  for (const term of text.split(',').map((part) => part.trim())) {
    const colon = term.indexOf(':')
    const kind = colon < 0 ? term : term.slice(0, colon)
    const value = term.slice(colon + 1).trim()
    if (kind === 'user' && !input.org.userIds.has(value)) problem(`本单位没有用户 ${value}`)
    if (kind === 'role' && !input.org.heldRoles.has(roleName(value))) problem(`本单位没有人担任角色 ${value}`)
    if (kind === 'post' && !input.org.postCodes.has(value)) problem(`本单位没有岗位 ${value}`)
    if (kind === 'field' && !paths.has(value)) problem(`表单中没有字段 ${value}`)
  }
  return problems
}

function feelProblems(element: BpmnElement, expression: string, known: ReadonlySet<string>, what: string): PublishProblem[] {
  let names: string[]
  try {
    names = feelVariables(expression)
  } catch {
    return [] // a syntax error is already a process problem
  }
  return [...new Set(names)]
    .filter((name) => !known.has(name))
    .map((name) => ({ part: 'binding' as const, severity: 'error' as const, elementId: element.id, message: `${label(element)}的${what}引用了表单中不存在的字段 ${name}` }))
}

/**
 * How guide, form and process fit together, checked at publish: every user task's assignees exist
 * in the unit, its form is the item's form and its field permissions name real fields; flow
 * conditions read only form fields (or engine variables); every material of the guide is either
 * uploaded through a form field (`x-material`) or marked as collected offline.
 */
export function bindingProblems(input: BindingInput): PublishProblem[] {
  const paths = new Set(input.fields.map((field) => field.path))
  const roots = new Set([...input.fields.map((field) => field.path.split('.')[0]!), ...ENGINE_VARIABLES, ...processVariables(input.elements)])
  const problems: PublishProblem[] = []
  for (const element of input.elements) {
    const { attributes } = element
    if (element.type === 'userTask') {
      if (attributes['hall:assignee']) problems.push(...assigneeProblems(element, attributes['hall:assignee'], '办理人', input, paths))
      const timeout = attributes['hall:onTimeout']
      if (timeout?.startsWith('escalate:')) problems.push(...assigneeProblems(element, timeout.slice('escalate:'.length), '超时转交对象', input, paths))
      const form = attributes['hall:form']
      if (form && form !== input.itemCode) {
        problems.push({ part: 'binding', severity: 'error', elementId: element.id, message: `${label(element)}的表单 ${form} 不是本事项的表单（${input.itemCode}）` })
      }
      for (const key of Object.keys(attributes)) {
        const permission = /^hall:fieldPermission\((.*)\)$/.exec(key)
        // `*` sets the step's default mode for every field (form-schema permissions).
        if (permission && permission[1] !== '*' && !paths.has(permission[1]!)) {
          problems.push({ part: 'binding', severity: 'error', elementId: element.id, path: permission[1]!, message: `${label(element)}的字段权限引用了表单中不存在的字段 ${permission[1]!}` })
        }
      }
    }
    if (attributes.condition) problems.push(...feelProblems(element, attributes.condition, roots, '条件'))
  }
  const uploaded = new Set(input.fields.map((field) => field.schema['x-material']).filter((id) => id !== undefined))
  input.guide.materials.forEach((material, index) => {
    if (!material.offline && !uploaded.has(material.id)) {
      problems.push({ part: 'binding', severity: 'error', path: `materials.${index}`, message: `材料「${material.name}」既没有对应的表单上传字段，也没有标记为线下收取` })
    }
  })
  return problems
}
