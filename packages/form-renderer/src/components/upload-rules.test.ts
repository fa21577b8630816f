import { describe, expect, it } from 'vitest'
import { accepts, formatSize } from './upload-rules'

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

  it('writes sizes as people read them', () => {
    expect([formatSize(512), formatSize(1536), formatSize(5 * 1024 * 1024)]).toEqual([
      '512 B',
      '1.5 KB',
      '5.0 MB',
    ])
  })
})
