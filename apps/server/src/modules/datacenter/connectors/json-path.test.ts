import { describe, expect, it } from 'vitest'
import { JsonShapeError, parseJsonPath, readJsonPath } from './json-path'

describe('connector JSON paths', () => {
  it('parses dotted and indexed paths', () => {
    expect(parseJsonPath('data.items[0].name')).toEqual(['data', 'items', 0, 'name'])
    expect(parseJsonPath('[1][0]')).toEqual([1, 0])
    expect(parseJsonPath('学生.姓名')).toEqual(['学生', '姓名'])
  })

  it.each(['', 'a..b', '.a', 'a.', 'a[x]', 'a[0', 'a]'])('refuses %j', (path) => {
    expect(parseJsonPath(path)).toBeNull()
  })

  it('reads a value, gives undefined for a missing key and names where the shape differs', () => {
    const answer = { data: { items: [{ name: '李明' }], total: 1 } }
    expect(readJsonPath(answer, ['data', 'items', 0, 'name'])).toBe('李明')
    expect(readJsonPath(answer, ['data', 'items', 3, 'name'])).toBeUndefined()
    expect(readJsonPath(answer, ['data', 'missing'])).toBeUndefined()
    expect(() => readJsonPath(answer, ['data', 'total', 0])).toThrow(new JsonShapeError('data.total 不是数组'))
    expect(() => readJsonPath('text', ['data'])).toThrow(new JsonShapeError('返回内容 不是对象'))
    expect(readJsonPath(answer, ['toString'])).toBeUndefined()
  })
})
