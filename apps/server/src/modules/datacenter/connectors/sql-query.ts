import { isConnectorParameter, type ConnectorParameter } from './parameters'

/** Words that make a statement more than a read; a connector query is refused at save if it has one. */
const FORBIDDEN = new Set(
  'insert update delete merge upsert truncate drop alter create grant revoke copy call do vacuum analyze lock set reset listen notify unlisten comment refresh cluster reindex discard prepare execute deallocate begin commit rollback savepoint security into import load checkpoint'.split(' '),
)

export interface CompiledQuery {
  /** The query with `:name` replaced by `$1`, `$2`… for binding. */
  text: string
  /** Parameter names in `$n` order. */
  parameters: ConnectorParameter[]
}

export type QueryCheck = { ok: true; query: CompiledQuery } | { ok: false; problems: string[] }

const wordChar = /[A-Za-z0-9_$]/

/**
 * Checks a connector query (one SELECT or WITH … SELECT, only known `:name` parameters) and
 * compiles its parameters to bind positions. String literals, quoted identifiers, comments,
 * dollar quotes and `::` casts are skipped, so `':userNo'` stays text and `x::date` a cast.
 */
export function compileQuery(query: string): QueryCheck {
  const problems: string[] = []
  const words: string[] = []
  const names: ConnectorParameter[] = []
  let text = ''
  let i = 0
  const at = (offset = 0) => query[i + offset] ?? ''
  /** Copies the text up to and including the first `end` from `from`, or the rest (an error unless `mayEnd`). */
  const skipTo = (end: string, from: number, mayEnd = false) => {
    const stop = query.indexOf(end, from)
    const next = stop === -1 ? query.length : stop + end.length
    if (stop === -1 && !mayEnd) problems.push('引号或注释没有闭合')
    text += query.slice(i, next)
    i = next
  }
  while (i < query.length) {
    const c = at()
    if (c === "'" || c === '"') {
      const escapes = c === "'" && /[eE]/.test(query[i - 1] ?? '') && !wordChar.test(query[i - 2] ?? '')
      let j = i + 1
      for (; j < query.length; j++) {
        if (escapes && query[j] === '\\') j++
        else if (query[j] === c && query[j + 1] === c) j++
        else if (query[j] === c) break
      }
      if (j >= query.length) problems.push('引号没有闭合')
      text += query.slice(i, j + 1)
      i = j + 1
    } else if (c === '-' && at(1) === '-') skipTo('\n', i, true)
    else if (c === '/' && at(1) === '*') skipTo('*/', i + 2)
    else if (c === '$' && !wordChar.test(query[i - 1] ?? '')) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(query.slice(i))
      if (tag) skipTo(tag[0], i + tag[0].length)
      else {
        problems.push('请使用命名参数（如 :userNo），不要用 $1')
        text += c
        i++
      }
    } else if (c === ':' && at(1) === ':') {
      text += '::'
      i += 2
    } else if (c === ':' && /[A-Za-z_]/.test(at(1))) {
      const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i + 1))![0]
      if (!isConnectorParameter(name)) problems.push(`未知的参数 :${name}`)
      else {
        if (!names.includes(name)) names.push(name)
        text += `$${names.indexOf(name) + 1}`
      }
      i += name.length + 1
    } else if (c === ';') {
      if (query.slice(i + 1).replace(/--[^\n]*|\/\*[\s\S]*?\*\//g, '').trim()) problems.push('只能有一条语句')
      i = query.length
    } else if (/[A-Za-z_]/.test(c)) {
      const word = /^[A-Za-z_][A-Za-z0-9_$]*/.exec(query.slice(i))![0]
      words.push(word.toLowerCase())
      text += word
      i += word.length
    } else {
      text += c
      i++
    }
  }
  if (words[0] !== 'select' && words[0] !== 'with') problems.push('只允许 SELECT 查询（可以用 WITH 开头）')
  const writes = [...new Set(words.filter((word) => FORBIDDEN.has(word)))]
  if (writes.length) problems.push(`查询只能读取数据，不允许 ${writes.map((w) => w.toUpperCase()).join('、')}`)
  return problems.length ? { ok: false, problems: [...new Set(problems)] } : { ok: true, query: { text: text.trim(), parameters: names } }
}
