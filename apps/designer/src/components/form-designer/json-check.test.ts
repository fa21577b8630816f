import { describe, expect, it } from 'vitest'
import { checkSchemaJson, schemaText } from './json-check'

describe('checking hand-typed schema JSON', () => {
  it('accepts a valid form and round-trips its text', () => {
    const text = schemaText({ type: 'object', properties: { name: { type: 'string', title: '姓名' } } })
    const result = checkSchemaJson(text)
    expect(result.ok && schemaText(result.schema)).toBe(text)
  })

  it('names a syntax error', () => {
    const result = checkSchemaJson('{ "type": "object", ')
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems[0]?.message).toMatch(/JSON/)
  })

  it('lists the schema reasons: an unknown x- key and a wrongly typed key', () => {
    const result = checkSchemaJson(
      JSON.stringify({ type: 'object', properties: { a: { 'x-evil': 1, 'x-index': '1' } } }),
    )
    expect(result.ok).toBe(false)
    const messages = !result.ok ? result.problems.map((p) => p.message).join('\n') : ''
    expect(messages).toContain('x-evil')
    expect(messages).toContain('x-index')
  })

  it('refuses a root that is not an object schema', () => {
    expect(checkSchemaJson('{ "type": "string" }').ok).toBe(false)
    expect(checkSchemaJson('[]').ok).toBe(false)
  })
})
