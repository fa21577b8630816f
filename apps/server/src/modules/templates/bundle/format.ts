import { z } from '@hono/zod-openapi'

/**
 * The bundle a unit exports and another imports (issue 7): a zip of item versions with a manifest
 * that names the source, the items and the SHA-256 of every other file in it. The format number
 * rises only on incompatible changes; a reader refuses any number it does not know.
 */
export const BUNDLE_FORMAT = 1
export const MANIFEST_PATH = 'manifest.json'

/** What a reader accepts before it looks at a single byte of content (hostile-bundle defence). */
export const BUNDLE_LIMITS = {
  /** The zip file itself. */
  maxBundleBytes: 20 * 1024 * 1024,
  maxEntries: 1000,
  /** One file once decompressed. */
  maxEntryBytes: 10 * 1024 * 1024,
  /** All files once decompressed. */
  maxTotalBytes: 100 * 1024 * 1024,
  /** Decompressed / compressed for any one entry: far above what JSON and BPMN reach. */
  maxRatio: 100,
} as const

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, '须为 64 位十六进制 SHA-256')
const bundlePath = z.string().regex(/^(?:items|dictionaries)\/[\w.-]+(?:\/[\w.-]+)*$/, '文件路径只能在 items/ 或 dictionaries/ 下')

export const bundleItemSchema = z.strictObject({
  code: z.string().min(1).max(64),
  name: z.string().min(1).max(200),
  version: z.number().int().min(1),
  /** The accepting department's code in the source unit: a hint for the mapping step. */
  deptCode: z.string().max(64).optional(),
  files: z.strictObject({ guide: bundlePath, form: bundlePath, process: bundlePath }),
})

export const bundleManifestSchema = z.strictObject({
  format: z.literal(BUNDLE_FORMAT),
  kind: z.literal('hall-bundle'),
  source: z.strictObject({ unitCode: z.string().min(1).max(64), unitName: z.string().min(1).max(200) }),
  exportedAt: z.iso.datetime({ offset: true }),
  items: z.array(bundleItemSchema).min(1).max(200),
  /** Code tables the forms draw options from, one file each. */
  dictionaries: z.array(z.strictObject({ table: z.string().min(1).max(64), file: bundlePath })).max(200),
  /** Every file except the manifest, with its SHA-256. */
  files: z.record(bundlePath, sha256),
})

export type BundleManifest = z.infer<typeof bundleManifestSchema>
export type BundleItem = z.infer<typeof bundleItemSchema>

/** Why a bundle was refused; each code names one defence. */
export const BUNDLE_ERRORS = {
  TOO_LARGE: 'TOO_LARGE',
  NOT_A_ZIP: 'NOT_A_ZIP',
  TOO_MANY_ENTRIES: 'TOO_MANY_ENTRIES',
  ENTRY_TOO_LARGE: 'ENTRY_TOO_LARGE',
  ZIP_BOMB: 'ZIP_BOMB',
  UNSAFE_PATH: 'UNSAFE_PATH',
  SYMLINK: 'SYMLINK',
  ENCRYPTED: 'ENCRYPTED',
  DUPLICATE_ENTRY: 'DUPLICATE_ENTRY',
  MISSING_MANIFEST: 'MISSING_MANIFEST',
  BAD_MANIFEST: 'BAD_MANIFEST',
  FORMAT_VERSION: 'FORMAT_VERSION',
  CHECKSUM_MISMATCH: 'CHECKSUM_MISMATCH',
  UNLISTED_FILE: 'UNLISTED_FILE',
  MISSING_FILE: 'MISSING_FILE',
} as const
export type BundleErrorCode = (typeof BUNDLE_ERRORS)[keyof typeof BUNDLE_ERRORS]

/** A refused bundle: the code says which defence, the message says what in the file triggered it. */
export class BundleError extends Error {
  override name = 'BundleError'
  constructor(
    readonly code: BundleErrorCode,
    message: string,
  ) {
    super(message)
  }
}
