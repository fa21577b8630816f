/**
 * Builder model ↔ FEEL. `conditionToFeel` writes the engine's `=`-prefixed FEEL;
 * `feelToCondition` reads back exactly the shapes it writes, so reopening a flow shows the
 * builder, and anything else (hand-written FEEL) stays in the expert box.
 */
import type { FormFieldInfo } from '../types'
import { type Condition, type ConditionGroup, type ConditionRow, type ConditionValue, UNARY } from './condition-model'
import { tokenize, type Token } from './feel-tokens'

type FieldTypes = Map<string, FormFieldInfo['type']>

const COMPARE = { eq: '=', ne: '!=', gt: '>', ge: '>=', lt: '<', le: '<=' } as const

function literal(value: ConditionValue | undefined, type: FormFieldInfo['type'] | undefined): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, type)).join(', ')}]`
  if (typeof value === 'boolean' || typeof value === 'number') return String(value)
  const text = value ?? ''
  if (type === 'number' && text.trim() !== '' && !Number.isNaN(Number(text))) return String(Number(text))
  if (type === 'boolean' && (text === 'true' || text === 'false')) return text
  if (type === 'date') return `date(${JSON.stringify(text)})`
  return JSON.stringify(text)
}

function rowToFeel(row: ConditionRow, types: FieldTypes): string {
  const type = types.get(row.field)
  const f = row.field
  switch (row.operator) {
    case 'contains':
      return type === 'array' ? `list contains(${f}, ${literal(row.value, 'string')})` : `contains(${f}, ${literal(row.value, 'string')})`
    case 'empty':
      return type === 'array' ? `(${f} = null or count(${f}) = 0)` : type === 'string' || type === undefined ? `(${f} = null or ${f} = "")` : `${f} = null`
    case 'notEmpty':
      return type === 'array' ? `(${f} != null and count(${f}) > 0)` : type === 'string' || type === undefined ? `(${f} != null and ${f} != "")` : `${f} != null`
    case 'in':
      return `list contains(${literal(Array.isArray(row.value) ? row.value : [], type)}, ${f})`
    default:
      return `${f} ${COMPARE[row.operator]} ${literal(row.value, type)}`
  }
}

const hasValue = (value: ConditionValue | undefined) => (Array.isArray(value) ? value.length > 0 : value !== undefined && value !== '')

/** Whether every row names a field (and a value where one is needed): only then is FEEL written. */
export function isComplete(condition: Condition): boolean {
  return condition.groups.length > 0 && condition.groups.every((g) => g.rows.length > 0 && g.rows.every((r) => r.field && (UNARY.includes(r.operator) || hasValue(r.value))))
}

/** The FEEL for a builder condition, with the engine's `=` prefix. */
export function conditionToFeel(condition: Condition, fields: readonly FormFieldInfo[]): string {
  const types: FieldTypes = new Map(fields.map((f) => [f.path, f.type]))
  const several = condition.groups.length > 1
  const groups = condition.groups.map((group) => {
    const rows = group.rows.map((row) => rowToFeel(row, types))
    return several && rows.length > 1 ? `(${rows.join(` ${group.join} `)})` : rows.join(` ${group.join} `)
  })
  return `=${groups.join(` ${condition.join} `)}`
}

/** Cursor over tokens with the few reads the parser needs. */
class Reader {
  i = 0
  constructor(readonly tokens: Token[]) {}
  peek(offset = 0) {
    return this.tokens[this.i + offset]
  }
  take(kind: Token['kind'], text?: string): Token | undefined {
    const token = this.peek()
    if (token?.kind === kind && (text === undefined || token.text === text)) {
      this.i++
      return token
    }
    return undefined
  }
  expect(kind: Token['kind'], text?: string): Token {
    const token = this.take(kind, text)
    if (!token) throw new SyntaxError('unexpected')
    return token
  }
  get done() {
    return this.i >= this.tokens.length
  }
}

function readLiteral(r: Reader): string | number | boolean {
  const string = r.take('string')
  if (string) return string.text
  const negative = r.take('op', '-')
  const number = r.take('number')
  if (number) return negative ? -Number(number.text) : Number(number.text)
  const name = r.expect('name')
  if (name.text === 'true' || name.text === 'false') return name.text === 'true'
  if (name.text === 'date') {
    r.expect('punct', '(')
    const text = r.expect('string').text
    r.expect('punct', ')')
    return text
  }
  throw new SyntaxError('unexpected')
}

function readList(r: Reader): (string | number)[] {
  r.expect('punct', '[')
  const items: (string | number)[] = []
  while (!r.take('punct', ']')) {
    const item = readLiteral(r)
    items.push(typeof item === 'boolean' ? String(item) : item)
    r.take('punct', ',')
  }
  return items
}

/** `(f = null or f = "")`-style empty checks, whose parentheses are not a group's. */
function readEmptyCheck(r: Reader): ConditionRow | undefined {
  const start = r.i
  try {
    r.expect('punct', '(')
    const field = r.expect('name').text
    const negated = r.expect('op').text === '!='
    r.expect('name', 'null')
    r.expect('name', negated ? 'and' : 'or')
    if (r.take('name', 'count')) {
      r.expect('punct', '(')
      r.expect('name', field)
      r.expect('punct', ')')
      r.expect('op', negated ? '>' : '=')
      r.expect('number', '0')
    } else {
      r.expect('name', field)
      r.expect('op', negated ? '!=' : '=')
      r.expect('string', '')
    }
    r.expect('punct', ')')
    return { field, operator: negated ? 'notEmpty' : 'empty' }
  } catch {
    r.i = start
    return undefined
  }
}

function readRow(r: Reader): ConditionRow {
  const empty = readEmptyCheck(r)
  if (empty) return empty
  if (r.peek()?.text === 'list' && r.peek(1)?.text === 'contains') {
    r.i += 2
    r.expect('punct', '(')
    if (r.peek()?.text === '[') {
      const value = readList(r)
      r.expect('punct', ',')
      const field = r.expect('name').text
      r.expect('punct', ')')
      return { field, operator: 'in', value }
    }
    const field = r.expect('name').text
    r.expect('punct', ',')
    const value = readLiteral(r)
    r.expect('punct', ')')
    return { field, operator: 'contains', value }
  }
  if (r.peek()?.text === 'contains' && r.peek(1)?.text === '(') {
    r.i += 2
    const field = r.expect('name').text
    r.expect('punct', ',')
    const value = readLiteral(r)
    r.expect('punct', ')')
    return { field, operator: 'contains', value }
  }
  const field = r.expect('name').text
  const op = r.expect('op').text
  const operator = (Object.keys(COMPARE) as (keyof typeof COMPARE)[]).find((key) => COMPARE[key] === op)
  if (!operator) throw new SyntaxError('unexpected')
  if (r.peek()?.text === 'null') {
    r.i++
    return { field, operator: operator === 'eq' ? 'empty' : 'notEmpty' }
  }
  return { field, operator, value: readLiteral(r) }
}

/** Reads items joined by one operator; mixing `and` and `or` at one level is not ours. */
function readJoined<T>(r: Reader, item: () => T, closing?: ')'): { join: 'and' | 'or'; items: T[] } {
  const items = [item()]
  let join: 'and' | 'or' | undefined
  while (!r.done && !(closing && r.peek()?.text === closing)) {
    const word = r.expect('name').text
    if ((word !== 'and' && word !== 'or') || (join && join !== word)) throw new SyntaxError('mixed')
    join = word
    items.push(item())
  }
  return { join: join ?? 'and', items }
}

function readGroup(r: Reader): ConditionGroup {
  if (r.peek()?.text === '(' && !readEmptyCheck(new Reader(r.tokens.slice(r.i)))) {
    r.expect('punct', '(')
    const { join, items } = readJoined(r, () => readRow(r), ')')
    r.expect('punct', ')')
    return { join, rows: items }
  }
  return { join: 'and', rows: [readRow(r)] }
}

/**
 * The builder condition an expression was written from, or undefined when it is not one the
 * builder writes (then the flow opens in the expert box).
 */
export function feelToCondition(expression: string): Condition | undefined {
  const source = expression.trim().replace(/^=/, '')
  const tokens = tokenize(source)
  if (!tokens?.length) return undefined
  try {
    const r = new Reader(tokens)
    const { join, items } = readJoined(r, () => readGroup(r))
    if (!r.done) return undefined
    // One level of single rows is one group: `a = 1 and b = 2`.
    if (items.every((g) => g.rows.length === 1)) return { join: 'and', groups: [{ join, rows: items.map((g) => g.rows[0]!) }] }
    return { join, groups: items }
  } catch {
    return undefined
  }
}
