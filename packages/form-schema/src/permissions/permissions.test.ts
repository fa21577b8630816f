import { describe, expect, it } from 'vitest'
import { leaveForm, validLeave } from '../../test/fixtures'
import { buildTree, descendants } from '../schema/tree'
import { accessOf } from './access'
import { applyPermissions, stripHidden } from './apply'

function access(path: string, permissions: Parameters<typeof accessOf>[1]) {
  const node = descendants(buildTree(leaveForm)).find(
    (n) => (n.kind === 'void' ? n.address : n.path) === path,
  )
  if (!node) throw new Error(`no node ${path}`)
  return accessOf(node, permissions)
}

describe('field permissions', () => {
  it('treats every field as editable without permissions', () => {
    expect(access('name', undefined)).toBe('editable')
  })

  it('uses * as the default and lets a listed field open up', () => {
    const permissions = { '*': 'readOnly', leaveType: 'editable' } as const
    expect(access('name', permissions)).toBe('readOnly')
    expect(access('leaveType', permissions)).toBe('editable')
  })

  it('hides every field inside a hidden layout node', () => {
    expect(access('idCard', { applicant: 'hidden' })).toBe('hidden')
  })

  it('locks the columns of a read-only sub-table, even one listed as editable', () => {
    expect(access('expenses.amount', { expenses: 'readOnly', 'expenses.amount': 'editable' })).toBe(
      'readOnly',
    )
  })

  it('marks hidden and read-only fields the Formily way without touching the input', () => {
    const applied = applyPermissions(leaveForm, { idCard: 'hidden', 'expenses.amount': 'readOnly' })
    expect(applied.properties?.['applicant']?.properties?.['idCard']?.['x-display']).toBe('none')
    expect(applied.properties?.['expenses']?.items?.properties?.['amount']?.['x-pattern']).toBe(
      'readOnly',
    )
    expect(applied.properties?.['leaveType']).toBe(leaveForm.properties.leaveType)
    expect(leaveForm.properties.applicant.properties.idCard).not.toHaveProperty('x-display')
  })

  it('removes hidden values, sub-table columns included, before data goes to a viewer', () => {
    const stripped = stripHidden(validLeave, leaveForm, {
      idCard: 'hidden',
      'expenses.amount': 'hidden',
    })
    expect(stripped).not.toHaveProperty('idCard')
    expect(stripped['expenses']).toEqual([{ kind: 'train' }, { kind: 'hotel' }])
    expect(validLeave.idCard).toBe('11010519491231002X')
  })
})
