/** Helpers shared by the compile steps: problem collection, moddle value reads and FEEL compilation. */
import type { ModdleElement } from 'bpmn-moddle'
import type { DeployProblem } from '../errors'
import { compileFeel, FeelSyntaxError, type CompiledExpression } from '../expressions/feel'

export type Problems = DeployProblem[]
/** Real conditions are short; a huge expression is an attack on the parser. */
const MAX_FEEL_LENGTH = 10_000
export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)
export const idOf = (v: unknown): string | undefined => str((v as ModdleElement | undefined)?.id)

/** Compile `=<FEEL>`; on failure records a problem and returns undefined. */
export function compileHallFeel(text: string, element: string, what: string, problems: Problems): CompiledExpression | undefined {
  const body = text.trim()
  if (body.length > MAX_FEEL_LENGTH) {
    problems.push({ element, message: `Expected ${what} to be at most ${MAX_FEEL_LENGTH} characters, but it has ${body.length}` })
    return undefined
  }
  if (!body.startsWith('=')) {
    problems.push({ element, message: `Expected ${what} to be a FEEL expression starting with '=', but got '${body}'` })
    return undefined
  }
  try {
    return compileFeel(body.slice(1))
  } catch (error) {
    const position = error instanceof FeelSyntaxError ? ` at position ${error.position + 1}` : ''
    problems.push({ element, message: `FEEL syntax error in ${what} '${body}'${position}: ${(error as Error).message}` })
    return undefined
  }
}

/** Run `parse`, turning a thrown Error into a problem for `element`. */
export function attempt<T>(element: string, problems: Problems, parse: () => T): T | undefined {
  try {
    return parse()
  } catch (error) {
    problems.push({ element, message: (error as Error).message })
    return undefined
  }
}

/** The `extensionElements` children of `el` of one type. */
export function extensions(el: ModdleElement, type: string): ModdleElement[] {
  const values = ((el.extensionElements as ModdleElement | undefined)?.values as ModdleElement[] | undefined) ?? []
  return values.filter((v) => v.$type === type)
}
