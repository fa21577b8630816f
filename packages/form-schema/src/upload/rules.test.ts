import { describe, expect, it } from 'vitest'
import { accepts, uploadFieldOf, uploadRulesOf } from './rules'

describe('upload rules', () => {
  it.each([
    ['a.PDF', 'application/pdf', '.pdf', true],
    ['a.png', 'image/png', 'image/*', true],
    ['a.doc', 'application/msword', '.pdf,image/*', false],
    ['a.pdf', 'application/pdf', 'application/pdf', true],
    ['a.exe', '', undefined, true],
  ])('accepts %s (%s) for %s: %s', (name, type, accept, expected) => {
    expect(accepts({ name, type }, accept)).toBe(expected)
  })

  const form = {
    type: 'object',
    properties: {
      reason: { type: 'string', 'x-component': 'Input' },
      certificate: {
        type: 'array',
        'x-component': 'Upload',
        'x-material': 'hospital-certificate',
        'x-component-props': { accept: '.pdf,image/*', maxSizeMB: 5, limit: 3 },
      },
      rows: {
        type: 'array',
        'x-component': 'ArrayTable',
        items: { type: 'object', properties: { scan: { type: 'array', 'x-component': 'Upload', 'x-component-props': { maxSizeMB: -1 } } } },
      },
    },
  } as const

  it("reads a field's type, size and count limits and its material", () => {
    expect(uploadRulesOf(form, 'certificate')).toEqual({ accept: '.pdf,image/*', maxSizeMB: 5, limit: 3, material: 'hospital-certificate' })
  })

  it('finds an upload column of a sub-table by its concrete path and ignores nonsense limits', () => {
    expect(uploadRulesOf(form, 'rows[2].scan')).toEqual({})
  })

  it('has no rules for a field that is not an upload or does not exist', () => {
    expect(uploadRulesOf(form, 'reason')).toBeUndefined()
    expect(uploadRulesOf(form, 'nothing')).toBeUndefined()
  })

  it('finds the upload field that carries a checklist material, including a sub-table column', () => {
    expect(uploadFieldOf(form, 'hospital-certificate')).toBe('certificate')
    expect(uploadFieldOf({ type: 'object', properties: { rows: { ...form.properties.rows, items: { type: 'object', properties: { scan: { type: 'array', 'x-component': 'Upload', 'x-material': 'receipt' } } } } } }, 'receipt')).toBe('rows.scan')
    expect(uploadFieldOf(form, 'id-card')).toBeUndefined()
  })
})
