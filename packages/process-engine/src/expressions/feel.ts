/**
 * FEEL expressions, compiled once per definition.
 *
 * feelin re-parses its input on every `evaluate()` (a few thousand per second), so we parse
 * once with its lezer grammar and turn the common subset (literals, variables, paths,
 * comparisons, arithmetic, and/or) into plain closures. Anything outside that subset, or a
 * value the fast path cannot compare (dates, lists, contexts), falls back to feelin's own
 * interpreter so the result is always feelin's.
 */
import { evaluate, parseExpression } from 'feelin'

type SyntaxNode = ReturnType<typeof parseExpression>['topNode']

/** A compiled expression. `evaluate` never throws: failures come back as `{ error }`. */
export interface CompiledExpression {
  readonly source: string
  evaluate(variables: Record<string, unknown>): { value: unknown } | { error: string }
}

/** Syntax problem at compile time, with the character offset inside the expression. */
export class FeelSyntaxError extends Error {
  readonly position: number
  constructor(message: string, position: number) {
    super(message)
    this.position = position
  }
}

type Fn = (ctx: Record<string, unknown>) => unknown
const UNSUPPORTED = Symbol('unsupported')
class Unsupported extends Error {}

const cache = new Map<string, CompiledExpression>()
/** Deploys are untrusted input: bound the cache so unique expressions cannot grow memory forever. */
const CACHE_LIMIT = 20_000

/** Compile `source` (without the leading `=`). Throws FeelSyntaxError. Results are cached by source text. */
export function compileFeel(source: string): CompiledExpression {
  const hit = cache.get(source)
  if (hit) return hit
  const tree = parseExpression(source, {}, undefined)
  tree.iterate({
    enter(node) {
      if (node.type.isError) throw new FeelSyntaxError("unexpected or missing input", node.from)
    },
  })
  try {
    // feelin builds its execution tree before evaluating; building is where malformed
    // operator sequences (`a > > 3`) are reported.
    evaluate(source, {})
  } catch (error) {
    const pos = (error as { position?: { from?: number } }).position?.from ?? 0
    throw new FeelSyntaxError((error as Error).message, pos)
  }
  const slow: Fn = (ctx) => evaluate(source, ctx).value
  let fast: Fn | undefined
  try {
    fast = build(tree.topNode, source)
  } catch (error) {
    if (!(error instanceof Unsupported)) throw error
  }
  const run: Fn = fast
    ? (ctx) => {
        const value = fast(ctx)
        return value === UNSUPPORTED ? slow(ctx) : value
      }
    : slow
  const compiled: CompiledExpression = {
    source,
    evaluate(variables) {
      try {
        return { value: run(variables) }
      } catch (error) {
        return { error: (error as Error).message }
      }
    },
  }
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!)
  cache.set(source, compiled)
  return compiled
}

function children(node: SyntaxNode): SyntaxNode[] {
  const out: SyntaxNode[] = []
  for (let c = node.firstChild; c; c = c.nextSibling) out.push(c)
  return out
}

const isPrimitive = (v: unknown): v is string | number | boolean | null =>
  v === null || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

function build(node: SyntaxNode, src: string): Fn {
  const text = src.slice(node.from, node.to)
  const kids = children(node)
  switch (node.name) {
    case 'Expression':
    case 'ParenthesizedExpression': {
      const inner = kids.filter((k) => k.name !== '(' && k.name !== ')')
      if (inner.length !== 1) throw new Unsupported()
      return build(inner[0]!, src)
    }
    case 'NumericLiteral': {
      const n = Number(text)
      return () => n
    }
    case 'StringLiteral': {
      const s = JSON.parse(text) as string
      return () => s
    }
    case 'BooleanLiteral': {
      const b = text === 'true'
      return () => b
    }
    case 'null':
      return () => null
    case 'VariableName': {
      const name = text.trim()
      return (ctx) => {
        const v = ctx[name]
        return v === undefined ? null : v
      }
    }
    case 'PathExpression': {
      const [target, , key] = kids
      if (!target || key?.name !== 'PathName') throw new Unsupported()
      const base = build(target, src)
      const prop = src.slice(key.from, key.to).trim()
      return (ctx) => {
        const v = base(ctx)
        if (v === UNSUPPORTED) return v
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return v === null ? null : UNSUPPORTED
        const r = (v as Record<string, unknown>)[prop]
        return r === undefined ? null : r
      }
    }
    case 'Comparison':
      return comparison(kids, src)
    case 'ArithmeticExpression':
      return arithmetic(kids, src)
    case 'Conjunction':
    case 'Disjunction':
      return logic(node.name, kids, src)
    default:
      throw new Unsupported()
  }
}

function binary(kids: SyntaxNode[], src: string, opName: string): [Fn, string, Fn] {
  if (kids.length !== 3 || kids[1]!.name !== opName) throw new Unsupported()
  return [build(kids[0]!, src), src.slice(kids[1]!.from, kids[1]!.to), build(kids[2]!, src)]
}

function comparison(kids: SyntaxNode[], src: string): Fn {
  const [a, op, b] = binary(kids, src, 'CompareOp')
  return (ctx) => {
    const l = a(ctx)
    const r = b(ctx)
    if (!isPrimitive(l) || !isPrimitive(r)) return UNSUPPORTED
    if (op === '=') return l === r
    if (op === '!=') return l !== r
    if (l === null || r === null || typeof l !== typeof r || typeof l === 'boolean') return null
    switch (op) {
      case '<': return l < r
      case '<=': return l <= r
      case '>': return l > r
      case '>=': return l >= r
      default: return UNSUPPORTED
    }
  }
}

function arithmetic(kids: SyntaxNode[], src: string): Fn {
  const [a, op, b] = binary(kids, src, 'ArithOp')
  return (ctx) => {
    const l = a(ctx)
    const r = b(ctx)
    if (typeof l === 'string' && typeof r === 'string' && op === '+') return l + r
    if (!isPrimitive(l) || !isPrimitive(r)) return UNSUPPORTED
    if (typeof l !== 'number' || typeof r !== 'number') return null
    switch (op) {
      case '+': return l + r
      case '-': return l - r
      case '*': return l * r
      case '/': return r === 0 ? null : l / r
      default: return UNSUPPORTED
    }
  }
}

function logic(kind: string, kids: SyntaxNode[], src: string): Fn {
  const [a, , b] = binary(kids, src, kind === 'Conjunction' ? 'and' : 'or')
  const absorbing = kind === 'Disjunction'
  return (ctx) => {
    const l = a(ctx)
    const r = b(ctx)
    if (l === UNSUPPORTED || r === UNSUPPORTED) return UNSUPPORTED
    if (l === absorbing || r === absorbing) return absorbing
    if (l === !absorbing && r === !absorbing) return !absorbing
    return null
  }
}
