import { evaluate, parseExpression } from 'feelin'

/** Result of running a FEEL expression; failures carry feelin's message for the designer. */
export type FeelResult =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: string }

/** Strips the leading `=` that marks an expression in `x-prefill` and `x-computed`. */
export function feelBody(expression: string): string {
  return expression.startsWith('=') ? expression.slice(1) : expression
}

/**
 * FEEL dates, times and durations are objects with `toJSON`; forms store their
 * ISO text so that data stays plain JSON.
 */
function toPlain(value: unknown): unknown {
  if (
    value !== null &&
    typeof value === 'object' &&
    'toJSON' in value &&
    typeof value.toJSON === 'function'
  ) {
    return (value.toJSON as () => unknown)()
  }
  return value
}

/**
 * Evaluates FEEL (never JavaScript: DESIGN.md "Expressions are FEEL") against
 * the given variables. Syntax errors and runtime failures come back as values,
 * not exceptions, so one bad expression cannot break a whole form.
 */
export function runFeel(
  expression: string,
  variables: Readonly<Record<string, unknown>>,
): FeelResult {
  try {
    const { value, warnings } = evaluate(feelBody(expression), { ...variables })
    const fatal = warnings.find(
      (w) => w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'NO_FUNCTION_FOUND',
    )
    if (fatal) return { ok: false, error: fatal.message }
    return { ok: true, value: toPlain(value) }
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) }
  }
}

/** The syntax error of an expression, or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  try {
    // Unknown variables only warn; only a parse failure throws.
    evaluate(feelBody(expression), {})
    return undefined
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
}

/**
 * The free variables an expression reads (the first name of each path), for
 * lint. Function names and names bound by for/some/every or a function
 * definition are left out. Reads the syntax tree, so branches not taken count.
 */
export function feelVariables(expression: string): string[] {
  const body = feelBody(expression)
  const tree = parseExpression(body, {}, undefined)
  const bound = new Set<string>()
  const used: string[] = []
  tree.iterate({
    enter(node) {
      const parent = node.node.parent?.name
      if (node.name === 'Name' && (parent === 'InExpression' || parent === 'FormalParameter'))
        bound.add(body.slice(node.from, node.to))
      if (node.name !== 'VariableName') return
      const isCallee = parent === 'FunctionInvocation' && node.node.prevSibling === null
      if (!isCallee) used.push(body.slice(node.from, node.to))
    },
  })
  return [...new Set(used)].filter((name) => !bound.has(name))
}
