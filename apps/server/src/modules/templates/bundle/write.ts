import { createHash } from 'node:crypto'
import { ZipFile } from 'yazl'
import { MANIFEST_PATH, type BundleManifest } from './format'

// Every entry gets the same timestamp, and entries are written in path order, so the same
// content always zips to the same bytes apart from the manifest's `exportedAt`.
const FIXED_MTIME = new Date('2000-01-01T00:00:00Z')

export const sha256Hex = (data: Buffer) => createHash('sha256').update(data).digest('hex')

/** Zips `files` with a manifest listing each one's SHA-256. */
export async function writeBundle(manifest: Omit<BundleManifest, 'files'>, files: ReadonlyMap<string, Buffer>): Promise<Buffer> {
  const paths = [...files.keys()].sort()
  const complete: BundleManifest = { ...manifest, files: Object.fromEntries(paths.map((path) => [path, sha256Hex(files.get(path)!)])) }
  const zip = new ZipFile()
  zip.addBuffer(Buffer.from(JSON.stringify(complete, null, 2) + '\n'), MANIFEST_PATH, { mtime: FIXED_MTIME, mode: 0o100644 })
  for (const path of paths) zip.addBuffer(files.get(path)!, path, { mtime: FIXED_MTIME, mode: 0o100644 })
  zip.end()
  const chunks: Buffer[] = []
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}
