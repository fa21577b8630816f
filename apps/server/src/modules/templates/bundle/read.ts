import yauzl, { type Entry, type ZipFile } from 'yauzl'
import { BUNDLE_ERRORS, BUNDLE_FORMAT, BUNDLE_LIMITS, BundleError, MANIFEST_PATH, bundleManifestSchema, type BundleManifest } from './format'
import { sha256Hex } from './write'

/** A bundle that passed every defence: the manifest and each listed file's bytes. */
export interface ReadBundle {
  manifest: BundleManifest
  files: Map<string, Buffer>
}

type Limits = typeof BUNDLE_LIMITS

const S_IFMT = 0o170000
const S_IFLNK = 0o120000
const S_IFREG = 0o100000

/**
 * Opens a bundle and refuses it, naming the reason, unless every entry is a plain file at a safe
 * path within the size and ratio limits, the manifest is of our format, and every file is listed
 * with a matching SHA-256. Sizes are checked from the zip's directory before anything is inflated,
 * and again while inflating (yauzl stops a stream that outgrows its declared size).
 */
export async function readBundle(zip: Buffer, limits: Limits = BUNDLE_LIMITS): Promise<ReadBundle> {
  if (zip.length > limits.maxBundleBytes) {
    throw new BundleError(BUNDLE_ERRORS.TOO_LARGE, `文件 ${mb(zip.length)} 超过 ${mb(limits.maxBundleBytes)} 上限`)
  }
  const archive = await open(zip)
  try {
    if (archive.entryCount > limits.maxEntries) {
      throw new BundleError(BUNDLE_ERRORS.TOO_MANY_ENTRIES, `包含 ${archive.entryCount} 个文件，超过 ${limits.maxEntries} 个上限`)
    }
    const entries = await listEntries(archive)
    let total = 0
    for (const entry of entries) {
      check(entry, limits)
      total += entry.uncompressedSize
      if (total > limits.maxTotalBytes) throw new BundleError(BUNDLE_ERRORS.ZIP_BOMB, `解压后总大小超过 ${mb(limits.maxTotalBytes)} 上限`)
    }
    const contents = new Map<string, Buffer>()
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue
      if (contents.has(entry.fileName)) throw new BundleError(BUNDLE_ERRORS.DUPLICATE_ENTRY, `文件 ${entry.fileName} 重复出现`)
      contents.set(entry.fileName, await inflate(archive, entry))
    }
    return verify(contents)
  } finally {
    archive.close()
  }
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

function open(zip: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true, strictFileNames: true }, (error, archive) =>
      error ? reject(new BundleError(BUNDLE_ERRORS.NOT_A_ZIP, `不是有效的 zip 文件：${error.message}`)) : resolve(archive),
    )
  })
}

/** yauzl itself rejects absolute paths, `..` segments and backslashes while reading the directory. */
function listEntries(archive: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = []
    archive.on('entry', (entry: Entry) => {
      entries.push(entry)
      archive.readEntry()
    })
    archive.on('end', () => resolve(entries))
    archive.on('error', (error: Error) => reject(pathOrZipError(error)))
    archive.readEntry()
  })
}

function pathOrZipError(error: Error): BundleError {
  return /path|file ?name/i.test(error.message)
    ? new BundleError(BUNDLE_ERRORS.UNSAFE_PATH, `不安全的文件路径：${error.message}`)
    : new BundleError(BUNDLE_ERRORS.NOT_A_ZIP, `zip 文件已损坏：${error.message}`)
}

function check(entry: Entry, limits: Limits): void {
  const name = entry.fileName
  if (entry.isEncrypted()) throw new BundleError(BUNDLE_ERRORS.ENCRYPTED, `文件 ${name} 已加密`)
  const type = (entry.externalFileAttributes >>> 16) & S_IFMT
  if (type === S_IFLNK) throw new BundleError(BUNDLE_ERRORS.SYMLINK, `文件 ${name} 是符号链接`)
  if (type !== 0 && type !== S_IFREG && !name.endsWith('/')) throw new BundleError(BUNDLE_ERRORS.SYMLINK, `文件 ${name} 不是普通文件`)
  if (name.split('/').some((part) => part.startsWith('.') && part !== '') || name.includes(':')) {
    throw new BundleError(BUNDLE_ERRORS.UNSAFE_PATH, `不安全的文件路径：${name}`)
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    throw new BundleError(BUNDLE_ERRORS.ENTRY_TOO_LARGE, `文件 ${name} 解压后 ${mb(entry.uncompressedSize)}，超过 ${mb(limits.maxEntryBytes)} 上限`)
  }
  if (entry.uncompressedSize > 1024 * 1024 && entry.uncompressedSize / Math.max(entry.compressedSize, 1) > limits.maxRatio) {
    throw new BundleError(BUNDLE_ERRORS.ZIP_BOMB, `文件 ${name} 压缩比异常（疑似压缩炸弹）`)
  }
}

function inflate(archive: ZipFile, entry: Entry): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    archive.openReadStream(entry, (error, stream) => {
      if (error) return reject(new BundleError(BUNDLE_ERRORS.NOT_A_ZIP, `无法读取 ${entry.fileName}：${error.message}`))
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('error', (streamError: Error) => reject(new BundleError(BUNDLE_ERRORS.ZIP_BOMB, `${entry.fileName} 解压失败：${streamError.message}`)))
      stream.on('end', () => resolve(Buffer.concat(chunks)))
    })
  })
}

function verify(contents: Map<string, Buffer>): ReadBundle {
  const raw = contents.get(MANIFEST_PATH)
  if (!raw) throw new BundleError(BUNDLE_ERRORS.MISSING_MANIFEST, `缺少 ${MANIFEST_PATH}`)
  let json: unknown
  try {
    json = JSON.parse(raw.toString('utf8'))
  } catch (error) {
    throw new BundleError(BUNDLE_ERRORS.BAD_MANIFEST, `${MANIFEST_PATH} 不是合法的 JSON：${(error as Error).message}`)
  }
  const format = (json as { format?: unknown } | null)?.format
  if (format !== BUNDLE_FORMAT) {
    throw new BundleError(BUNDLE_ERRORS.FORMAT_VERSION, `不支持的包格式版本 ${JSON.stringify(format)}（本系统支持 ${BUNDLE_FORMAT}）`)
  }
  const parsed = bundleManifestSchema.safeParse(json)
  if (!parsed.success) {
    const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(根)'}：${issue.message}`)
    throw new BundleError(BUNDLE_ERRORS.BAD_MANIFEST, `${MANIFEST_PATH} 有误：${reasons.join('；')}`)
  }
  const manifest = parsed.data
  const files = new Map<string, Buffer>()
  for (const [path, data] of contents) {
    if (path === MANIFEST_PATH) continue
    const expected = manifest.files[path]
    if (!expected) throw new BundleError(BUNDLE_ERRORS.UNLISTED_FILE, `文件 ${path} 未在清单中登记`)
    if (sha256Hex(data) !== expected) throw new BundleError(BUNDLE_ERRORS.CHECKSUM_MISMATCH, `文件 ${path} 的 SHA-256 与清单不符（文件被改动或损坏）`)
    files.set(path, data)
  }
  const referenced = [...Object.keys(manifest.files), ...manifest.items.flatMap((item) => Object.values(item.files)), ...manifest.dictionaries.map((d) => d.file)]
  for (const path of referenced) {
    if (!files.has(path)) throw new BundleError(BUNDLE_ERRORS.MISSING_FILE, `清单列出的文件 ${path} 不在包中`)
  }
  return { manifest, files }
}
