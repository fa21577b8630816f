import { describe, expect, it } from 'vitest'
import { dictionaries, leaveForm, validLeave } from '../../test/fixtures'
import type { FormSchema } from '../schema/types'
import { validate } from './validate'

const NOW = new Date(2026, 10, 22)
const context = { dictionaries, now: NOW }

function codes(schema: FormSchema, data: unknown, extra = {}) {
  return validate(schema, data, { ...context, ...extra }).errors.map((e) => [e.path, e.code])
}

describe('validate: the leave form', () => {
  it('accepts a complete personal-leave request and returns what may be stored', () => {
    const result = validate(leaveForm, validLeave, context)
    expect(result.errors).toEqual([])
    expect(result.ok).toBe(true)
    expect(result.data).toEqual(validLeave)
  })

  it('fills in computed values the browser left out', () => {
    const { days: _days, total: _total, ...rest } = validLeave
    const result = validate(leaveForm, rest, context)
    expect(result.ok).toBe(true)
    expect(result.data).toMatchObject({ days: 3, total: 420.5 })
  })

  it('rejects a computed value the browser got wrong', () => {
    expect(codes(leaveForm, { ...validLeave, total: 1 })).toEqual([['total', 'COMPUTED_MISMATCH']])
  })

  it('lists every missing required field at once, in Chinese by default', () => {
    const result = validate(leaveForm, {}, context)
    expect(result.errors.map((e) => e.path)).toEqual([
      'name',
      'idCard',
      'leaveType',
      'start',
      'end',
    ])
    expect(result.errors[0]?.message).toBe('“姓名”为必填项')
    expect(result.errors[1]?.message).toBe('请填写身份证号')
  })

  it('speaks English when the context asks for it', () => {
    const result = validate(leaveForm, { ...validLeave, name: '' }, { ...context, locale: 'en-US' })
    expect(result.errors).toEqual([{ path: 'name', code: 'REQUIRED', message: '姓名 is required' }])
  })

  it('requires the certificate only for sick leave', () => {
    expect(codes(leaveForm, { ...validLeave, leaveType: 'sick' })).toEqual([
      ['certificate', 'REQUIRED'],
    ])
    expect(
      codes(leaveForm, {
        ...validLeave,
        leaveType: 'sick',
        certificate: [{ name: '诊断书.pdf', url: '/f/1' }],
      }),
    ).toEqual([])
  })

  it('drops the value of a field a reaction hides instead of storing it', () => {
    const result = validate(leaveForm, { ...validLeave, certificate: [{ name: 'x.pdf' }] }, context)
    expect(result.ok).toBe(true)
    expect(result.data).not.toHaveProperty('certificate')
  })

  it('explains which part of a wrong ID number is wrong', () => {
    const result = validate(leaveForm, { ...validLeave, idCard: '11010519491231003X' }, context)
    expect(result.errors).toEqual([
      { path: 'idCard', code: 'FORMAT', message: '身份证号码校验位不正确，请核对是否输错' },
    ])
  })

  it('checks the mobile number named by a bare x-validator string', () => {
    expect(codes(leaveForm, { ...validLeave, phone: '12345678901' })).toEqual([['phone', 'FORMAT']])
  })

  it('rejects a value outside the enum', () => {
    expect(codes(leaveForm, { ...validLeave, leaveType: 'holiday' })).toEqual([
      ['leaveType', 'ENUM'],
    ])
  })

  it('points at the exact sub-table row and column that is wrong', () => {
    const expenses = [
      { kind: 'train', amount: 1 },
      { kind: 'taxi', amount: 0 },
      { kind: 'other', amount: 5 },
    ]
    expect(codes(leaveForm, { ...validLeave, expenses, total: 6 })).toEqual([
      ['expenses[1].kind', 'DICTIONARY'],
      ['expenses[1].amount', 'MINIMUM'],
      ['expenses[2].note', 'REQUIRED'],
    ])
  })

  it('limits the number of sub-table rows', () => {
    const expenses = Array.from({ length: 4 }, () => ({ kind: 'train', amount: 1 }))
    expect(codes(leaveForm, { ...validLeave, expenses, total: 4 })).toEqual([
      ['expenses', 'MAX_ITEMS'],
    ])
  })

  it('fails closed when a code table was not supplied', () => {
    const result = validate(leaveForm, validLeave, { now: NOW })
    expect(result.errors.map((e) => e.code)).toEqual([
      'DICTIONARY_UNAVAILABLE',
      'DICTIONARY_UNAVAILABLE',
    ])
  })

  it('rejects unknown fields, also inside rows, and does not keep them', () => {
    const data = {
      ...validLeave,
      isAdmin: true,
      expenses: [{ kind: 'train', amount: 1, hack: 1 }],
      total: 1,
    }
    const result = validate(leaveForm, data, context)
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([
      ['isAdmin', 'UNKNOWN_FIELD'],
      ['expenses[0].hack', 'UNKNOWN_FIELD'],
    ])
    expect(result.data).not.toHaveProperty('isAdmin')
  })

  it('rejects changes to fields the step may not edit but accepts them echoed unchanged', () => {
    const permissions = { '*': 'readOnly', leaveType: 'editable' } as const
    const current = validLeave
    expect(
      codes(
        leaveForm,
        { ...validLeave, leaveType: 'sick', certificate: [{ url: '/f/2' }] },
        { permissions, current },
      ),
    ).toEqual([['certificate', 'NOT_EDITABLE']])
    expect(codes(leaveForm, { ...validLeave, name: '李四' }, { permissions, current })).toEqual([
      ['name', 'NOT_EDITABLE'],
    ])
    const echoed = validate(leaveForm, validLeave, { ...context, permissions, current })
    expect(echoed.ok).toBe(true)
    expect(echoed.data).toEqual(validLeave)
  })

  it('recomputes computed fields even when the step locks them', () => {
    const permissions = { '*': 'readOnly', expenses: 'editable' } as const
    const expenses = [{ kind: 'train', amount: 10 }]
    const result = validate(
      leaveForm,
      { ...validLeave, expenses, total: 10 },
      { ...context, permissions, current: validLeave },
    )
    expect(result.errors).toEqual([])
    expect(result.data).toEqual({ ...validLeave, expenses, total: 10 })
  })

  it('keeps and checks a value of an x-display hidden field without requiring it', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        ref: { type: 'string', required: true, pattern: '^R\\d+$', 'x-display': 'hidden' },
      },
    }
    expect(validate(schema, {}).ok).toBe(true)
    expect(validate(schema, { ref: 'R12' }).data).toEqual({ ref: 'R12' })
    expect(codes(schema, { ref: 'X' })).toEqual([['ref', 'PATTERN']])
  })

  it('sees locked fields as stored when the browser sends only what the step may edit', () => {
    const permissions = { '*': 'readOnly', certificate: 'editable' } as const
    const current = { ...validLeave, leaveType: 'sick' }
    const result = validate(leaveForm, {}, { ...context, permissions, current })
    expect(result.errors.map((e) => [e.path, e.code])).toEqual([['certificate', 'REQUIRED']])
    const fixed = validate(
      leaveForm,
      { certificate: [{ url: '/f/3' }] },
      { ...context, permissions, current },
    )
    expect(fixed.ok).toBe(true)
    expect(fixed.data).toEqual({ ...current, certificate: [{ url: '/f/3' }] })
  })

  it('does not require fields the step hides', () => {
    expect(
      codes(leaveForm, { ...validLeave, name: undefined }, { permissions: { name: 'hidden' } }),
    ).toEqual([])
  })
})

describe('validate: types and rules', () => {
  const schema: FormSchema = {
    type: 'object',
    properties: {
      count: { type: 'integer', minimum: 1, maximum: 10 },
      title: { type: 'string', minLength: 2, maxLength: 4 },
      code: { type: 'string', pattern: '^[A-Z]{3}$' },
      day: { type: 'date' },
      at: { type: 'datetime' },
      agree: { type: 'boolean' },
      tags: { type: 'array', items: { type: 'string', enum: ['a', 'b'] }, minItems: 1 },
      credit: { type: 'string', format: 'creditCode' },
      zip: { type: 'string', 'x-validator': [{ format: 'postalCode', message: '邮编不对' }] },
      email: { type: 'string', 'x-validator': { format: 'email' } },
      tel: { type: 'string', 'x-validator': 'landline' },
      note: { type: 'string', 'x-validator': { max: 3 } },
      pick: { type: 'array', enum: ['x', 'y'], 'x-component': 'Checkbox.Group' },
      bad: { type: 'string', format: 'nope' },
    },
  }

  it.each([
    [{ count: 3 }, []],
    [{ count: 0 }, [['count', 'MINIMUM']]],
    [{ count: 11 }, [['count', 'MAXIMUM']]],
    [{ count: 2.5 }, [['count', 'TYPE']]],
    [{ count: '3' }, [['count', 'TYPE']]],
    [{ title: '张' }, [['title', 'MIN_LENGTH']]],
    [{ title: '一站式服务' }, [['title', 'MAX_LENGTH']]],
    [{ title: '服务大厅' }, []],
    [{ code: 'ABC' }, []],
    [{ code: 'AbC' }, [['code', 'PATTERN']]],
    [{ day: '2026-02-29' }, [['day', 'TYPE']]],
    [{ day: '2028-02-29' }, []],
    [{ at: '2026-11-22T09:30:00+08:00' }, []],
    [{ at: '2026-11-22' }, [['at', 'TYPE']]],
    [{ agree: 'yes' }, [['agree', 'TYPE']]],
    [{ tags: ['a', 'c'] }, [['tags[1]', 'ENUM']]],
    [{ tags: [] }, [['tags', 'MIN_ITEMS']]],
    [{ tags: 'a' }, [['tags', 'TYPE']]],
    [{ credit: '91350100M000100Y43' }, []],
    [{ credit: '91350100M000100Y42' }, [['credit', 'FORMAT']]],
    [{ zip: '35000' }, [['zip', 'FORMAT']]],
    [{ email: 'a@b' }, [['email', 'FORMAT']]],
    [{ tel: '0591-87654321' }, []],
    [{ note: '四个字符' }, [['note', 'MAX_LENGTH']]],
    [{ pick: ['x', 'z'] }, [['pick', 'ENUM']]],
    [{ bad: 'x' }, [['bad', 'UNKNOWN_FORMAT']]],
    [{ title: null, count: undefined }, []],
  ])('judges %j as %j', (data, expected) => {
    expect(codes(schema, data)).toEqual(expected)
  })

  it('reports x-validator min/max on a list as a row count', () => {
    const rows: FormSchema = {
      type: 'object',
      properties: { files: { type: 'array', 'x-validator': { min: 2 } } },
    }
    expect(codes(rows, { files: ['a'] })).toEqual([['files', 'MIN_ITEMS']])
  })

  it('enforces a value a reaction sets instead of trusting the browser', () => {
    const schema: FormSchema = {
      type: 'object',
      properties: {
        kind: { type: 'string' },
        fee: {
          type: 'number',
          'x-reactions': {
            when: { field: 'kind', op: 'eq', value: 'student' },
            then: { value: 0 },
          },
        },
      },
    }
    expect(codes(schema, { kind: 'student', fee: 50 })).toEqual([['fee', 'COMPUTED_MISMATCH']])
    expect(validate(schema, { kind: 'student' }).data).toEqual({ kind: 'student', fee: 0 })
    expect(codes(schema, { kind: 'staff', fee: 50 })).toEqual([])
  })

  it('uses the designer message of an x-validator rule', () => {
    expect(validate(schema, { zip: '1' }).errors[0]?.message).toBe('邮编不对')
  })

  it('rejects data that is not an object', () => {
    expect(codes(schema, 'hello')).toEqual([['', 'TYPE']])
  })

  it('treats a JSON Schema required list like required: true', () => {
    const listed: FormSchema = {
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string' } },
    }
    expect(codes(listed, {})).toEqual([['a', 'REQUIRED']])
  })
})
