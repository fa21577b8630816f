import { describe, expect, it } from 'vitest'
import { toFormilySchema } from './to-formily-schema'
import { leaveDictionaries, leaveForm } from '../../fixture/schemas'

describe('toFormilySchema', () => {
  const out = toFormilySchema(leaveForm, { dictionaries: leaveDictionaries, optionTrees: {} }) as {
    properties: Record<
      string,
      Record<string, unknown> & { items?: { properties: Record<string, Record<string, unknown>> } }
    >
  }

  it('leaves validation to @hall/form-schema and declarative reactions to the renderer', () => {
    expect(out.properties['leaveType']).not.toHaveProperty('required')
    expect(out.properties['reason']).not.toHaveProperty('maxLength')
    expect(out.properties['certificate']).not.toHaveProperty('x-reactions')
    expect(out.properties['certificate']).not.toHaveProperty('x-material')
  })

  it('wraps fields in a FormItem, but not sub-table cells', () => {
    expect(out.properties['leaveType']?.['x-decorator']).toBe('FormItem')
    expect(out.properties['expenses']?.items?.properties['amount']).not.toHaveProperty(
      'x-decorator',
    )
  })

  it('takes options from the code table and locks computed values', () => {
    expect(out.properties['expenses']?.items?.properties['kind']?.['enum']).toEqual(
      leaveDictionaries['expense-kind'],
    )
    expect(out.properties['total']?.['x-pattern']).toBe('readOnly')
  })
})
