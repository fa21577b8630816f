import { describe, expect, it } from 'vitest'
import { formatSize } from './upload-rules'

describe('upload rules', () => {
  it('writes sizes as people read them', () => {
    expect([formatSize(512), formatSize(1536), formatSize(5 * 1024 * 1024)]).toEqual([
      '512 B',
      '1.5 KB',
      '5.0 MB',
    ])
  })
})
