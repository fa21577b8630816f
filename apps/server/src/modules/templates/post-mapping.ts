import { hallModdleDescriptor } from '@hall/process-engine'
import { BpmnModdle, type ModdleElement } from 'bpmn-moddle'

/**
 * Posts are what carry a process across units: a template or bundle names `post:<code>`, and the
 * installing unit maps each code to one of its own posts. These rewrite the codes where the
 * engine reads them (assignees, escalations) and where a notify step names a post literally.
 */

const moddle = () => new BpmnModdle({ hall: hallModdleDescriptor })

/** `post:A,deptHead:1` with A → B gives `post:B,deptHead:1`; FEEL assignees are left alone. */
function remapTerms(value: string, map: ReadonlyMap<string, string>): string {
  if (value.trim().startsWith('=')) return remapLiterals(value, map)
  const escalate = /^escalate:/.exec(value)
  const terms = escalate ? value.slice(escalate[0].length) : value
  const mapped = terms
    .split(',')
    .map((term) => {
      const [, code] = /^\s*post:(.+?)\s*$/.exec(term) ?? []
      return code && map.has(code) ? `post:${map.get(code)}` : term
    })
    .join(',')
  return escalate ? `${escalate[0]}${mapped}` : mapped
}

/** `"post:A"` string literals inside FEEL (a notify step's recipient). */
const remapLiterals = (feel: string, map: ReadonlyMap<string, string>) =>
  feel.replace(/"post:([^"]+)"/g, (literal, code: string) => (map.has(code) ? `"post:${map.get(code)}"` : literal))

function visit(element: ModdleElement, map: ReadonlyMap<string, string>): void {
  if (typeof element.assignee === 'string') element.assignee = remapTerms(element.assignee, map)
  if (typeof element.onTimeout === 'string') element.onTimeout = remapTerms(element.onTimeout, map)
  const extensions = element.extensionElements as ModdleElement | undefined
  for (const value of (extensions?.values as ModdleElement[] | undefined) ?? []) {
    if (value.$type === 'hall:Input' && typeof value.value === 'string') value.value = remapLiterals(value.value, map)
  }
  for (const key of ['rootElements', 'flowElements'] as const) {
    for (const child of (element[key] as ModdleElement[] | undefined) ?? []) visit(child, map)
  }
}

/** The document with its post codes mapped; unchanged (byte for byte) when the mapping is the identity. */
export async function remapPosts(xml: string, mapping: Readonly<Record<string, string>>): Promise<string> {
  const map = new Map(Object.entries(mapping).filter(([from, to]) => from !== to))
  if (map.size === 0) return xml
  const { rootElement } = await moddle().fromXML(xml)
  visit(rootElement, map)
  return (await moddle().toXML(rootElement, { format: true })).xml
}

/** The document as the modeller would write it: two documents that mean the same compare equal. */
export async function canonicalBpmn(xml: string): Promise<string> {
  const { rootElement } = await moddle().fromXML(xml)
  return (await moddle().toXML(rootElement, { format: true })).xml
}
