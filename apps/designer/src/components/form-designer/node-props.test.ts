import { describe, expect, it } from 'vitest'
import { componentPropPatch, defaultKind, spanOf, spanPatch } from './node-props'

describe('nested property patches', () => {
  it('sets and clears a component prop, dropping the bag when it is empty', () => {
    const node = { 'x-component-props': { placeholder: '请输入' } }
    expect(componentPropPatch(node, 'rows', 4)).toEqual({ 'x-component-props': { placeholder: '请输入', rows: 4 } })
    expect(componentPropPatch(node, 'placeholder', '')).toEqual({ 'x-component-props': undefined })
  })

  it('writes a grid span as CSS the grid honours and reads it back', () => {
    const patch = spanPatch({}, 2)
    expect(patch).toEqual({ 'x-decorator-props': { style: { gridColumn: 'span 2' } } })
    expect(spanOf(patch)).toBe(2)
    expect(spanPatch(patch, 1)).toEqual({ 'x-decorator-props': undefined })
  })

  it('offers defaults for single values only', () => {
    expect(defaultKind({ type: 'integer' })).toBe('number')
    expect(defaultKind({ type: 'date' })).toBe('text')
    expect(defaultKind({ type: 'array' })).toBeUndefined()
  })
})
