import { describe, expect, it } from 'vitest'
import { gridWindow } from './grid-window'

describe('gridWindow', () => {
  it('shows the rows in view and a margin after them, at the top of the grid', () => {
    // 300 px of 30 px rows: rows 0–9 fill it, one more is partly in view, then the margin of 2.
    expect(gridWindow(0, 300, 30, 200)).toEqual({ start: 0, end: 13, before: 0, after: 187 * 30 })
  })

  it('scrolled halfway into a row, starts the margin before the first row in view', () => {
    expect(gridWindow(3015, 300, 30, 200)).toEqual({
      start: 98,
      end: 113,
      before: 98 * 30,
      after: 87 * 30,
    })
  })

  it('never runs past the last row, however far the viewport is scrolled', () => {
    const last = gridWindow(10_000, 300, 30, 200)
    expect(last.end).toBe(200)
    expect(last.after).toBe(0)
    expect(last.start).toBeLessThan(200)
  })

  it('shows every item of a grid smaller than the viewport', () => {
    expect(gridWindow(0, 600, 88, 3)).toEqual({ start: 0, end: 3, before: 0, after: 0 })
  })

  it('shows nothing of an empty grid', () => {
    expect(gridWindow(0, 600, 30, 0)).toEqual({ start: 0, end: 0, before: 0, after: 0 })
  })
})
