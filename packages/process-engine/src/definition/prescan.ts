/**
 * A cheap linear scan of raw XML before it reaches bpmn-moddle (whose SAX parser would
 * happily expand entities, recurse 10,000 levels or allocate for millions of elements).
 */
import type { DeployProblem } from '../errors'

export const LIMITS = { maxBytes: 20 * 1024 * 1024, maxElements: 100_000, maxDepth: 100 } as const

const DOC = 'definitions'

function utf8Length(text: string): number {
  let bytes = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3
  }
  return bytes
}

/** Returns problems; an empty list means the document may be handed to the XML parser. */
export function prescan(xml: string, limits = LIMITS): DeployProblem[] {
  if (xml.length > limits.maxBytes || utf8Length(xml) > limits.maxBytes) {
    return [{ element: DOC, message: `Expected at most ${limits.maxBytes} bytes, but the document is larger` }]
  }
  const problems: DeployProblem[] = []
  if (/<!DOCTYPE/i.test(xml)) problems.push({ element: DOC, message: 'DOCTYPE declarations are not allowed' })
  if (/<!ENTITY/i.test(xml)) problems.push({ element: DOC, message: 'ENTITY declarations are not allowed' })
  const ref = /&#(x[0-9a-f]+|[0-9]+);/gi
  for (let m = ref.exec(xml); m; m = ref.exec(xml)) {
    const code = m[1]!.startsWith('x') || m[1]!.startsWith('X') ? parseInt(m[1]!.slice(1), 16) : parseInt(m[1]!, 10)
    const legal = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0x10ffff && (code < 0xfffe || code > 0xffff))
    if (!legal) {
      problems.push({ element: DOC, message: `Character reference ${m[0]} is not a legal XML character (offset ${m.index})` })
      break
    }
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(xml)) problems.push({ element: DOC, message: 'Control characters are not allowed in XML' })
  if (problems.length) return problems

  let depth = 0
  let elements = 0
  let i = xml.indexOf('<')
  while (i >= 0 && i < xml.length) {
    const next = xml[i + 1]
    if (xml.startsWith('<!--', i)) i = skipTo(xml, '-->', i)
    else if (xml.startsWith('<![CDATA[', i)) i = skipTo(xml, ']]>', i)
    else if (next === '?' || next === '!') i = skipTo(xml, '>', i)
    else {
      const end = tagEnd(xml, i)
      if (end < 0) return [{ element: DOC, message: `Malformed XML: unterminated tag at offset ${i}` }]
      if (next === '/') depth--
      else {
        elements++
        if (xml[end - 1] !== '/') depth++
      }
      if (depth > limits.maxDepth) return [{ element: DOC, message: `Expected nesting of at most ${limits.maxDepth} levels, but found deeper nesting at offset ${i}` }]
      if (elements > limits.maxElements) return [{ element: DOC, message: `Expected at most ${limits.maxElements} elements, but found more` }]
      i = end + 1
    }
    if (i <= 0) return [{ element: DOC, message: 'Malformed XML: unterminated comment, CDATA or declaration' }]
    i = xml.indexOf('<', i)
  }
  return []
}

function skipTo(xml: string, marker: string, from: number): number {
  const at = xml.indexOf(marker, from)
  return at < 0 ? -1 : at + marker.length
}

/** End of a tag, honouring quoted attribute values that may contain `>`. */
function tagEnd(xml: string, from: number): number {
  let quote = ''
  for (let j = from + 1; j < xml.length; j++) {
    const c = xml[j]
    if (quote) {
      if (c === quote) quote = ''
    } else if (c === '"' || c === "'") quote = c
    else if (c === '>') return j
    else if (c === '<') return -1
  }
  return -1
}
