import { describe, expect, it } from 'vitest'
import { EditHistory } from './edit-history'

describe('edit history', () => {
  it('undoes and redoes in order, and a new edit drops the redo branch', () => {
    const history = new EditHistory('a')
    history.push('b')
    history.push('c')
    expect(history.undo()).toBe('b')
    expect(history.undo()).toBe('a')
    expect(history.canUndo).toBe(false)
    expect(history.redo()).toBe('b')
    history.push('d')
    expect(history.canRedo).toBe(false)
    expect(history.undo()).toBe('b')
  })

  it('makes one undo step of consecutive edits in one group', () => {
    const history = new EditHistory('')
    for (const text of ['姓', '姓名']) history.push(text, 'title')
    history.push('姓名!', 'name')
    expect(history.undo()).toBe('姓名')
    expect(history.undo()).toBe('')
  })

  it('forgets the oldest states past its limit and starts over on reset', () => {
    const history = new EditHistory(0, 2)
    for (const n of [1, 2, 3]) history.push(n)
    expect([history.undo(), history.undo(), history.undo()]).toEqual([2, 1, 1])
    history.reset(9)
    expect(history.canUndo).toBe(false)
    expect(history.current).toBe(9)
  })
})
