import { describe, expect, it } from 'vitest'
import type { FormSchema } from '@hall/form-schema'
import { parseFormSchema } from '@hall/form-schema'
import {
  allKeys,
  childrenOf,
  copyNode,
  dataFields,
  flatten,
  getNode,
  insertionPoint,
  insertNode,
  moveNode,
  pasteNode,
  removeNode,
  renameNode,
  updateNode,
} from './schema-tree'
import { PALETTE } from './palette'

const form: FormSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '姓名', 'x-component': 'Input' },
    grid: {
      type: 'void',
      'x-component': 'FormGrid',
      properties: { start: { type: 'date', 'x-component': 'DatePicker' } },
    },
    lines: {
      type: 'array',
      'x-component': 'ArrayTable',
      items: { type: 'object', properties: { amount: { type: 'number', 'x-component': 'Money' } } },
    },
  },
}
const keys = (schema: FormSchema, path: string[] = []) =>
  childrenOf(getNode(schema, path)!).map(([key]) => key)

describe('schema tree edits', () => {
  it('inserts at a position and appends with -1, leaving the input untouched', () => {
    const next = insertNode(form, [], 1, 'days', { type: 'number' })
    expect(keys(next)).toEqual(['name', 'days', 'grid', 'lines'])
    expect(keys(insertNode(form, [], -1, 'x', {}))).toEqual(['name', 'grid', 'lines', 'x'])
    expect(keys(form)).toEqual(['name', 'grid', 'lines'])
  })

  it('nests into a grid and into a sub-table row', () => {
    const inGrid = insertNode(form, ['grid'], 0, 'end', { type: 'date' })
    expect(keys(inGrid, ['grid'])).toEqual(['end', 'start'])
    const inTable = insertNode(form, ['lines'], -1, 'note', { type: 'string' })
    expect(keys(inTable, ['lines'])).toEqual(['amount', 'note'])
    expect(inTable.properties?.['lines']?.items?.properties?.['note']).toEqual({ type: 'string' })
  })

  it('removes, renames in place and patches keys (undefined deletes)', () => {
    expect(keys(removeNode(form, ['grid', 'start']), ['grid'])).toEqual([])
    expect(keys(renameNode(form, ['grid'], 'dates'))).toEqual(['name', 'dates', 'lines'])
    const patched = updateNode(form, ['name'], { title: '申请人', 'x-component': undefined })
    expect(getNode(patched, ['name'])).toEqual({ type: 'string', title: '申请人' })
  })

  it('reorders within a container counting positions before the move', () => {
    const down = moveNode(form, ['name'], [], 2)
    expect(keys(down!.schema)).toEqual(['grid', 'name', 'lines'])
    const up = moveNode(form, ['lines'], [], 0)
    expect(keys(up!.schema)).toEqual(['lines', 'name', 'grid'])
  })

  it('moves between containers and refuses a node into itself or a grid into a sub-table', () => {
    const moved = moveNode(form, ['name'], ['grid'], 0)
    expect(moved?.path).toEqual(['grid', 'name'])
    expect(keys(moved!.schema)).toEqual(['grid', 'lines'])
    expect(moveNode(form, ['grid'], ['grid'], 0)).toBeUndefined()
    expect(moveNode(form, ['grid'], ['lines'], 0)).toBeUndefined()
  })

  it('copies a node after itself with fresh names for it and everything inside', () => {
    const { schema, path } = copyNode(form, ['grid'])
    expect(path).toEqual(['grid1'])
    expect(keys(schema)).toEqual(['name', 'grid', 'grid1', 'lines'])
    expect(keys(schema, ['grid1'])).toEqual(['start1'])
    expect(allKeys(schema).size).toBe(allKeys(form).size + 2)
  })

  it('names pasted palette entries input1, input2… and keeps every palette entry a valid schema', () => {
    let schema: FormSchema = { type: 'object', properties: {} }
    for (const entry of PALETTE) schema = pasteNode(schema, [], -1, entry.name, entry.schema).schema
    schema = pasteNode(schema, [], -1, 'input', { type: 'string', 'x-component': 'Input' }).schema
    expect(keys(schema).filter((key) => key.startsWith('input'))).toEqual(['input1', 'input2'])
    expect(parseFormSchema(schema).ok).toBe(true)
  })

  it('lists data paths without void keys and with sub-table columns', () => {
    expect(dataFields(form).map((f) => f.dataPath)).toEqual(['name', 'start', 'lines', 'lines.amount'])
    expect(flatten(form).map((f) => f.path.join('.'))).toEqual([
      'name',
      'grid',
      'grid.start',
      'lines',
      'lines.amount',
    ])
  })

  it('adds inside a selected container, after a selected field, else at the end', () => {
    const input = { type: 'string', 'x-component': 'Input' } as const
    expect(insertionPoint(form, ['grid'], input)).toEqual({ parent: ['grid'], index: -1 })
    expect(insertionPoint(form, ['name'], input)).toEqual({ parent: [], index: 1 })
    expect(insertionPoint(form, undefined, input)).toEqual({ parent: [], index: -1 })
    const grid = PALETTE.find((e) => e.id === 'grid')!.schema
    expect(insertionPoint(form, ['lines', 'amount'], grid)).toEqual({ parent: [], index: -1 })
  })
})
