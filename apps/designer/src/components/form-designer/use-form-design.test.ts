import { describe, expect, it } from 'vitest'
import type { FormSchema } from '@hall/form-schema'
import { PALETTE } from './palette'
import { childrenOf, getNode } from './schema-tree'
import { createFormDesign } from './use-form-design'

const entry = (id: string) => PALETTE.find((candidate) => candidate.id === id)!
const keys = (schema: FormSchema, path: string[] = []) => childrenOf(getNode(schema, path)!).map(([key]) => key)

function design() {
  const emitted: FormSchema[] = []
  const state = createFormDesign({ type: 'object', properties: {} }, (schema) => emitted.push(schema))
  return { state, emitted }
}

describe('editing a form in the designer', () => {
  it('adds after the selection, or inside a selected grid, and selects what it added', () => {
    const { state, emitted } = design()
    state.add(entry('input'), '单行文本')
    state.add(entry('grid'), '栅格')
    state.add(entry('date'), '日期')
    expect(keys(state.schema.value)).toEqual(['input1', 'grid1'])
    expect(keys(state.schema.value, ['grid1'])).toEqual(['date1'])
    expect(state.selected.value).toEqual(['grid1', 'date1'])
    expect(getNode(state.schema.value, ['input1'])?.title).toBe('单行文本')
    expect(emitted).toHaveLength(3)
  })

  it('undoes typing into one property as one step, and redoes it', () => {
    const { state } = design()
    state.add(entry('input'), '单行文本')
    for (const title of ['请', '请假', '请假事由']) state.patch(['input1'], { title })
    state.undo()
    expect(getNode(state.schema.value, ['input1'])?.title).toBe('单行文本')
    state.redo()
    expect(getNode(state.schema.value, ['input1'])?.title).toBe('请假事由')
  })

  it('deletes the selection and selects its neighbour, so Delete can be pressed again', () => {
    const { state } = design()
    for (const id of ['input', 'number', 'date']) state.add(entry(id), id)
    state.select(['number1'])
    state.remove()
    expect(keys(state.schema.value)).toEqual(['input1', 'date1'])
    expect(state.selected.value).toEqual(['date1'])
    state.remove()
    expect(state.selected.value).toEqual(['input1'])
  })

  it('copies and pastes under a fresh name, and moves with the keyboard', () => {
    const { state } = design()
    for (const id of ['input', 'number']) state.add(entry(id), id)
    state.select(['input1'])
    state.copy()
    state.select(['number1'])
    state.paste()
    expect(keys(state.schema.value)).toEqual(['input1', 'number1', 'input2'])
    state.shift(-1)
    state.shift(-1)
    state.shift(-1)
    expect(keys(state.schema.value)).toEqual(['input2', 'input1', 'number1'])
    state.step(1)
    expect(state.selected.value).toEqual(['input1'])
  })

  it('takes a schema from outside without making it undoable, and one from the JSON view as undoable', () => {
    const { state } = design()
    state.replace({ type: 'object', properties: { a: { type: 'string' } } }, false)
    expect(state.canUndo.value).toBe(false)
    state.replace({ type: 'object', properties: { b: { type: 'string' } } }, true)
    state.undo()
    expect(keys(state.schema.value)).toEqual(['a'])
  })
})
