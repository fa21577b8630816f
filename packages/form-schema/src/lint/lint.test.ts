import { describe, expect, it } from 'vitest'
import { leaveForm } from '../../test/fixtures'
import type { FieldSchema, FormSchema } from '../schema/types'
import { lint } from './lint'
import type { LintCatalog } from './types'

function form(properties: Record<string, FieldSchema>): FormSchema {
  return { type: 'object', properties }
}

function found(schema: FormSchema, catalog?: LintCatalog) {
  return lint(schema, catalog).map((p) => [p.code, p.path])
}

const catalog: LintCatalog = {
  dataCenterPaths: ['person.idCard'],
  userAttributes: ['displayName'],
  dictionaries: ['expense-kind'],
  materials: ['hospital-certificate'],
  collectTargets: ['dc:person.id_card', 'expense-ledger'],
}

describe('lint', () => {
  it('finds nothing wrong with the leave form and its catalog', () => {
    expect(lint(leaveForm, catalog)).toEqual([])
  })

  it('flags two fields that would write the same value from different layout groups', () => {
    const schema = form({
      left: { type: 'void', 'x-component': 'FormGrid', properties: { name: { type: 'string' } } },
      right: { type: 'void', 'x-component': 'FormGrid', properties: { name: { type: 'string' } } },
    })
    expect(lint(schema)).toEqual([
      {
        code: 'DUPLICATE_NAME',
        severity: 'error',
        path: 'right.name',
        message: 'Field name "name" is already used at left.name',
      },
    ])
  })

  it('flags components the renderer does not have, unless the unit registers them', () => {
    const schema = form({ a: { 'x-component': 'Rate' }, b: { 'x-component': 'Input.TextArea' } })
    expect(found(schema)).toEqual([['UNKNOWN_COMPONENT', 'a']])
    expect(found(schema, { components: ['Rate'] })).toEqual([])
  })

  it('flags unknown formats in both styles', () => {
    expect(
      found(form({ a: { format: 'passport' }, b: { 'x-validator': ['idCard', 'visa'] } })),
    ).toEqual([
      ['UNKNOWN_FORMAT', 'a'],
      ['UNKNOWN_FORMAT', 'b'],
    ])
  })

  it('flags a required field that is hidden with no reaction to show it', () => {
    const schema = form({
      a: { required: true, 'x-display': 'none' },
      b: {
        required: true,
        'x-display': 'none',
        'x-reactions': { when: { field: 'a', op: 'notEmpty' }, then: { visible: true } },
      },
      group: {
        type: 'void',
        'x-visible': false,
        properties: { c: { 'x-validator': { required: true } } },
      },
    })
    expect(found(schema)).toEqual([
      ['REQUIRED_HIDDEN', 'a'],
      ['REQUIRED_HIDDEN', 'group.c'],
    ])
  })

  it('flags reactions, computed values and prefills that refer to missing fields', () => {
    const schema = form({
      a: {
        'x-reactions': {
          when: {
            all: [
              { field: 'b', op: 'eq', value: 1 },
              { field: 'ghost', op: 'empty' },
            ],
          },
          then: { visible: true },
        },
      },
      b: { 'x-computed': { daysBetween: ['a', 'later'] } },
      c: { 'x-computed': '=a + missing' },
      d: { 'x-prefill': 'field:nowhere' },
      e: { 'x-prefill': '=a +' },
      f: { 'x-computed': { sum: 'a' } },
    })
    expect(lint(schema).map((p) => [p.code, p.path, p.severity])).toEqual([
      ['UNKNOWN_REFERENCE', 'a', 'error'],
      ['UNKNOWN_REFERENCE', 'b', 'error'],
      ['UNKNOWN_REFERENCE', 'c', 'error'],
      ['SUM_NOT_COLUMN', 'f', 'warning'],
      ['UNKNOWN_REFERENCE', 'd', 'error'],
      ['FEEL_SYNTAX', 'e', 'error'],
    ])
  })

  it('lets FEEL inside a sub-table read its row', () => {
    const schema = form({
      rows: {
        type: 'array',
        items: { type: 'object', properties: { qty: {}, total: { 'x-computed': '=row.qty * 2' } } },
      },
    })
    expect(lint(schema)).toEqual([])
  })

  it('flags prefill inside sub-table rows', () => {
    const schema = form({
      rows: {
        type: 'array',
        items: { type: 'object', properties: { who: { 'x-prefill': 'user:displayName' } } },
      },
    })
    expect(found(schema)).toEqual([['PREFILL_IN_SUB_TABLE', 'rows.who']])
  })

  it('flags names the catalog does not offer', () => {
    const schema = form({
      a: { 'x-prefill': 'dc:person.salary' },
      b: { 'x-prefill': 'user:password' },
      c: { 'x-dictionary': 'religion' },
      d: { 'x-component': 'Upload', 'x-material': 'birth-certificate' },
      e: { 'x-collect': 'dc:person.secret' },
      f: { 'x-collect': 'dc:nocolumn' },
    })
    expect(found(schema, catalog)).toEqual([
      ['UNKNOWN_PREFILL_PATH', 'a'],
      ['UNKNOWN_PREFILL_PATH', 'b'],
      ['UNKNOWN_DICTIONARY', 'c'],
      ['UNKNOWN_MATERIAL', 'd'],
      ['BAD_COLLECT_TARGET', 'e'],
      ['BAD_COLLECT_TARGET', 'f'],
    ])
    expect(found(schema)).toEqual([['BAD_COLLECT_TARGET', 'f']])
  })

  it('flags a material on a field that is not an upload and a required list naming no property', () => {
    const schema: FormSchema = {
      type: 'object',
      required: ['ghost'],
      properties: { a: { 'x-component': 'Input', 'x-material': 'm1' } },
    }
    expect(lint(schema).map((p) => [p.code, p.path, p.severity])).toEqual([
      ['UNKNOWN_REQUIRED_NAME', '', 'warning'],
      ['MATERIAL_NOT_UPLOAD', 'a', 'error'],
    ])
  })
})
