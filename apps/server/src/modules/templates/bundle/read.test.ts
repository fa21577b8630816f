import { deflateRawSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { ZipFile } from 'yazl'
import { BUNDLE_ERRORS, BUNDLE_LIMITS, type BundleManifest } from './format'
import { readBundle } from './read'
import { sha256Hex, writeBundle } from './write'

const guide = Buffer.from('{"summary":"示例"}')
const form = Buffer.from('{"type":"object","properties":{}}')
const bpmn = Buffer.from('<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"/>')

const header = (): Omit<BundleManifest, 'files'> => ({
  format: 1,
  kind: 'hall-bundle',
  source: { unitCode: 'county', unitName: '示范县政务服务中心' },
  exportedAt: '2026-12-01T10:00:00+08:00',
  items: [{ code: 'leave', name: '请假', version: 2, files: { guide: 'items/leave/guide.json', form: 'items/leave/form.json', process: 'items/leave/process.bpmn' } }],
  dictionaries: [],
})
const files = () =>
  new Map([
    ['items/leave/guide.json', guide],
    ['items/leave/form.json', form],
    ['items/leave/process.bpmn', bpmn],
  ])

/** A zip written byte by byte, for entries no well-behaved writer would produce. */
function rawZip(entries: { name: string; data: Buffer; declaredSize?: number; mode?: number }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const entry of entries) {
    const name = Buffer.from(entry.name)
    const body = deflateRawSync(entry.data)
    const size = entry.declaredSize ?? entry.data.length
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(0x0800, 6) // UTF-8 names
    local.writeUInt16LE(8, 8) // deflate
    local.writeUInt32LE(0, 14) // crc (yauzl checks sizes, not CRC)
    local.writeUInt32LE(body.length, 18)
    local.writeUInt32LE(size, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE((3 << 8) | 20, 4) // made by Unix
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(0x0800, 8)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(body.length, 20)
    central.writeUInt32LE(size, 24)
    central.writeUInt16LE(name.length, 28)
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38)
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, body)
    centrals.push(central, name)
    offset += local.length + name.length + body.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

async function yazlZip(add: (zip: ZipFile) => void): Promise<Buffer> {
  const zip = new ZipFile()
  add(zip)
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

const manifestWith = (change: (manifest: BundleManifest) => unknown) => {
  const manifest: BundleManifest = { ...header(), files: Object.fromEntries([...files()].map(([path, data]) => [path, sha256Hex(data)])) }
  return Buffer.from(JSON.stringify(change(manifest)))
}

const refusal = (zip: Buffer) => readBundle(zip).then(
  () => 'accepted',
  (error: { code: string }) => error.code,
)

describe('readBundle', () => {
  it('reads back what writeBundle wrote, byte for byte', async () => {
    const read = await readBundle(await writeBundle(header(), files()))
    expect(read.manifest.items[0]).toMatchObject({ code: 'leave', version: 2 })
    expect(read.files.get('items/leave/process.bpmn')?.equals(bpmn)).toBe(true)
    expect(Object.keys(read.manifest.files)).toHaveLength(3)
  })

  it('writes the same bytes for the same content', async () => {
    expect((await writeBundle(header(), files())).equals(await writeBundle(header(), files()))).toBe(true)
  })

  it('refuses a file that is not a zip, or one larger than the limit', async () => {
    expect(await refusal(Buffer.from('PK? not really'))).toBe(BUNDLE_ERRORS.NOT_A_ZIP)
    expect(await refusal(Buffer.alloc(BUNDLE_LIMITS.maxBundleBytes + 1))).toBe(BUNDLE_ERRORS.TOO_LARGE)
  })

  it('refuses a newer format version, naming it', async () => {
    const zip = rawZip([{ name: 'manifest.json', data: manifestWith((m) => ({ ...m, format: 2 })) }])
    await expect(readBundle(zip)).rejects.toMatchObject({ code: BUNDLE_ERRORS.FORMAT_VERSION, message: expect.stringContaining('2') })
  })

  it('refuses a file whose content differs from its checksum', async () => {
    const zip = rawZip([
      { name: 'manifest.json', data: manifestWith((m) => m) },
      { name: 'items/leave/guide.json', data: Buffer.from('{"summary":"篡改"}') },
      { name: 'items/leave/form.json', data: form },
      { name: 'items/leave/process.bpmn', data: bpmn },
    ])
    await expect(readBundle(zip)).rejects.toMatchObject({ code: BUNDLE_ERRORS.CHECKSUM_MISMATCH, message: expect.stringContaining('items/leave/guide.json') })
  })

  it('refuses files the manifest does not list, and listed files that are missing', async () => {
    const extra = rawZip([{ name: 'manifest.json', data: manifestWith((m) => m) }, ...[...files()].map(([name, data]) => ({ name, data })), { name: 'items/leave/extra.js', data: Buffer.from('x') }])
    expect(await refusal(extra)).toBe(BUNDLE_ERRORS.UNLISTED_FILE)
    const missing = rawZip([{ name: 'manifest.json', data: manifestWith((m) => m) }, { name: 'items/leave/guide.json', data: guide }])
    expect(await refusal(missing)).toBe(BUNDLE_ERRORS.MISSING_FILE)
  })

  it('refuses path traversal, absolute paths and hidden files before reading any content', async () => {
    for (const name of ['../../etc/passwd', 'items/../../x', '/etc/passwd', 'items\\..\\x', 'items/.hidden']) {
      expect(await refusal(rawZip([{ name, data: Buffer.from('x') }])), name).toBe(BUNDLE_ERRORS.UNSAFE_PATH)
    }
  })

  it('refuses symbolic links', async () => {
    const zip = await yazlZip((z) => z.addBuffer(Buffer.from('/etc/passwd'), 'items/leave/guide.json', { mode: 0o120777 }))
    expect(await refusal(zip)).toBe(BUNDLE_ERRORS.SYMLINK)
  })

  it('refuses a zip bomb by its ratio, and an entry that inflates beyond its declared size', async () => {
    const bomb = await yazlZip((z) => z.addBuffer(Buffer.alloc(5 * 1024 * 1024), 'items/leave/form.json'))
    expect(await refusal(bomb)).toBe(BUNDLE_ERRORS.ZIP_BOMB)
    const liar = rawZip([{ name: 'manifest.json', data: Buffer.alloc(4 * 1024 * 1024, 0x20), declaredSize: 100 }])
    expect(await refusal(liar)).toBe(BUNDLE_ERRORS.ZIP_BOMB)
  })

  it('refuses oversized entries and too many entries', async () => {
    expect(await refusal(rawZip([{ name: 'items/big.json', data: Buffer.alloc(11 * 1024 * 1024, 0x20) }]))).toBe(BUNDLE_ERRORS.ENTRY_TOO_LARGE)
    const many = rawZip(Array.from({ length: BUNDLE_LIMITS.maxEntries + 1 }, (_, i) => ({ name: `items/f${i}.json`, data: Buffer.from('{}') })))
    expect(await refusal(many)).toBe(BUNDLE_ERRORS.TOO_MANY_ENTRIES)
  })

  it('refuses a manifest that is not JSON or not of our shape, saying which field', async () => {
    expect(await refusal(rawZip([{ name: 'manifest.json', data: Buffer.from('{oops') }]))).toBe(BUNDLE_ERRORS.BAD_MANIFEST)
    const wrong = rawZip([{ name: 'manifest.json', data: manifestWith((m) => ({ ...m, items: [] })) }])
    await expect(readBundle(wrong)).rejects.toMatchObject({ code: BUNDLE_ERRORS.BAD_MANIFEST, message: expect.stringContaining('items') })
    expect(await refusal(rawZip([{ name: 'items/leave/guide.json', data: guide }]))).toBe(BUNDLE_ERRORS.MISSING_MANIFEST)
  })
})
