import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { FILE_TYPES, sniffType, typeForName } from './sniff'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...part].map((c) => c.charCodeAt(0)) : part)))
const fixture = (name: string) => new Uint8Array(readFileSync(join(import.meta.dirname, 'fixtures', name)))

describe('reading the type from the content', () => {
  it.each([
    ['PDF', fixture('certificate.pdf'), FILE_TYPES.pdf],
    ['PNG', fixture('stamp.png'), FILE_TYPES.png],
    ['JPEG', bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), FILE_TYPES.jpeg],
    ['GIF', bytes('GIF89a', [1, 0, 1, 0]), FILE_TYPES.gif],
    ['WebP', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), FILE_TYPES.webp],
    ['Word', fixture('leave-note.docx'), FILE_TYPES.docx],
    ['old Office', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]), FILE_TYPES.ole],
    ['Chinese text', new TextEncoder().encode('姓名,学号\n李明,2023001\n'), FILE_TYPES.txt],
  ])('recognises %s', (_label, content, expected) => {
    expect(sniffType(content)).toBe(expected)
  })

  it('recognises an Excel workbook written by exceljs', async () => {
    const workbook = new ExcelJS.Workbook()
    workbook.addWorksheet('成绩').addRow(['李明', 90])
    expect(sniffType(new Uint8Array(await workbook.xlsx.writeBuffer()))).toBe(FILE_TYPES.xlsx)
  })

  it.each([
    ['a Windows program', bytes('MZ', [0x90, 0, 3, 0])],
    ['an ELF program', bytes([0x7f], 'ELF', [2, 1, 1])],
    ['a zip that is no Office file', fixture('plain.zip')],
    ['a zip cut short', fixture('leave-note.docx').subarray(0, 200)],
    ['binary with NUL bytes', bytes('abc', [0], 'def')],
    ['invalid UTF-8', bytes([0xc3, 0x28])],
    ['nothing', bytes()],
  ])('refuses %s', (_label, content) => {
    expect(sniffType(content)).toBeUndefined()
  })

  it('matches the name against the content: text may be .txt or .csv, a PDF only .pdf', () => {
    expect(typeForName(FILE_TYPES.txt, '名单.CSV')).toEqual({ mime: 'text/csv', extension: '.csv' })
    expect(typeForName(FILE_TYPES.ole, '旧表.xls')).toEqual({ mime: 'application/vnd.ms-excel', extension: '.xls' })
    expect(typeForName(FILE_TYPES.pdf, 'scan.png')).toBeUndefined()
    expect(typeForName(FILE_TYPES.txt, 'run.sh')).toBeUndefined()
  })
})
