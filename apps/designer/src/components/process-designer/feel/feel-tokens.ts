/**
 * A tokenizer for the small FEEL subset the condition builder writes (and the rules read):
 * names with dots, strings, numbers, comparison operators, brackets and commas.
 */
export type Token =
  | { kind: 'name'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'op'; text: string }
  | { kind: 'punct'; text: '(' | ')' | '[' | ']' | ',' }

const NAME = /^[A-Za-z_$\u4e00-\u9fff][\w$.\u4e00-\u9fff]*/
const NUMBER = /^\d+(?:\.\d+)?/
const OP = /^(?:!=|>=|<=|=|>|<|\+|-|\*|\/)/

/** Splits FEEL into tokens; returns undefined for anything outside the subset (the raw box handles it). */
export function tokenize(source: string): Token[] | undefined {
  const tokens: Token[] = []
  let rest = source.trim()
  while (rest) {
    const first = rest[0]!
    let match: RegExpExecArray | null
    if (first === '"') {
      let i = 1
      let text = ''
      while (i < rest.length && rest[i] !== '"') {
        if (rest[i] === '\\') i++
        text += rest[i] ?? ''
        i++
      }
      if (i >= rest.length) return undefined
      tokens.push({ kind: 'string', text })
      rest = rest.slice(i + 1)
    } else if ('()[],'.includes(first)) {
      tokens.push({ kind: 'punct', text: first as '(' })
      rest = rest.slice(1)
    } else if ((match = NUMBER.exec(rest))) {
      tokens.push({ kind: 'number', text: match[0] })
      rest = rest.slice(match[0].length)
    } else if ((match = NAME.exec(rest))) {
      tokens.push({ kind: 'name', text: match[0] })
      rest = rest.slice(match[0].length)
    } else if ((match = OP.exec(rest))) {
      tokens.push({ kind: 'op', text: match[0] })
      rest = rest.slice(match[0].length)
    } else {
      return undefined
    }
    rest = rest.trimStart()
  }
  return tokens
}

const KEYWORDS = new Set(['and', 'or', 'not', 'null', 'true', 'false', 'if', 'then', 'else', 'in', 'for', 'return', 'some', 'every', 'satisfies', 'between', 'instance', 'of', 'function'])

/**
 * The root variable names an expression reads (`applicant` for `applicant.age > 3`), skipping
 * keywords, function calls and quoted text. Undefined when the expression is outside the subset.
 */
export function variablesOf(source: string): string[] | undefined {
  const tokens = tokenize(source)
  if (!tokens) return undefined
  const names = new Set<string>()
  tokens.forEach((token, i) => {
    if (token.kind !== 'name' || KEYWORDS.has(token.text)) return
    const next = tokens[i + 1]
    const isCall = next?.kind === 'punct' && next.text === '('
    const isListFn = token.text === 'list' && tokens[i + 1]?.kind === 'name'
    if (!isCall && !isListFn) names.add(token.text.split('.')[0]!)
  })
  return [...names]
}
