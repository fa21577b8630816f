import { describe, expect, it } from 'vitest'
import { contentDisposition, sanitizeFileName } from './file-names'

describe('file names', () => {
  it.each([
    ['../../病假证明.pdf', '病假证明.pdf'],
    ['C:\\Users\\li\\成绩单.xlsx', '成绩单.xlsx'],
    ['a\u0000b\u0007c.txt', 'abc.txt'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['what?<now>.png', 'what__now_.png'],
    ['CON.txt', '_CON.txt'],
    ['lpt1.tar.gz', '_lpt1.tar.gz'],
    ['  .hidden. ', 'hidden'],
    ['..', 'file'],
    ['', 'file'],
  ])('makes %j safe as %j', (raw, safe) => {
    expect(sanitizeFileName(raw)).toBe(safe)
  })

  it('cuts long names to 120 characters and keeps the extension', () => {
    const name = sanitizeFileName(`${'申'.repeat(300)}.pdf`)
    expect([...name].length).toBe(120)
    expect(name.endsWith('申.pdf')).toBe(true)
  })

  it('offers a Chinese name in RFC 5987 form with an ASCII fallback', () => {
    expect(contentDisposition('病假 证明(1).pdf')).toBe(
      `attachment; filename="__ __(1).pdf"; filename*=UTF-8''%E7%97%85%E5%81%87%20%E8%AF%81%E6%98%8E%281%29.pdf`,
    )
  })
})
