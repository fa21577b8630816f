import { zipEntryNames } from './zip-entries'

/** A type the hall accepts, as read from a file's first bytes: its canonical type and the extensions it may carry. */
export interface DetectedType {
  readonly mime: string
  readonly extensions: readonly string[]
  /** Shown to people: "PDF 文档". */
  readonly label: string
}

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', extensions: ['.pdf'], label: 'PDF 文档' },
  png: { mime: 'image/png', extensions: ['.png'], label: 'PNG 图片' },
  jpeg: { mime: 'image/jpeg', extensions: ['.jpg', '.jpeg'], label: 'JPEG 图片' },
  gif: { mime: 'image/gif', extensions: ['.gif'], label: 'GIF 图片' },
  webp: { mime: 'image/webp', extensions: ['.webp'], label: 'WebP 图片' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['.docx'], label: 'Word 文档' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['.xlsx'], label: 'Excel 表格' },
  // Old Office files share one container (OLE2); which program wrote it is not worth parsing for.
  ole: { mime: 'application/octet-stream', extensions: ['.doc', '.xls'], label: 'Office 97-2003 文档' },
  csv: { mime: 'text/csv', extensions: ['.csv'], label: 'CSV 文本' },
  txt: { mime: 'text/plain', extensions: ['.txt'], label: '文本' },
} as const satisfies Record<string, DetectedType>

const OLE_MIMES: Record<string, string> = { '.doc': 'application/msword', '.xls': 'application/vnd.ms-excel' }

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, i) => bytes[at + i] === byte)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

/**
 * What the bytes are, whatever the name says: signatures for PDF and images, the
 * `[Content_Types].xml` entry (plus `word/` or `xl/`) for Office Open XML, the OLE2 header for old
 * Office files, and valid UTF-8 without NUL or other control bytes for text. Undefined for anything else (programs,
 * archives, scripts in disguise).
 */
export function sniffType(bytes: Uint8Array): DetectedType | undefined {
  if (startsWith(bytes, ascii('%PDF-'))) return FILE_TYPES.pdf
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return FILE_TYPES.png
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return FILE_TYPES.jpeg
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return FILE_TYPES.gif
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return FILE_TYPES.webp
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return FILE_TYPES.ole
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeOpenXml(bytes)
  return isPlainText(bytes) ? FILE_TYPES.txt : undefined
}

function officeOpenXml(bytes: Uint8Array): DetectedType | undefined {
  const names = zipEntryNames(bytes)
  if (!names?.includes('[Content_Types].xml')) return undefined
  if (names.some((name) => name.startsWith('word/'))) return FILE_TYPES.docx
  if (names.some((name) => name.startsWith('xl/'))) return FILE_TYPES.xlsx
  return undefined
}

/** Tab, line feed, form feed, carriage return: the only control bytes text files carry. */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d])

function isPlainText(bytes: Uint8Array): boolean {
  if (bytes.length === 0 || bytes.some((b) => (b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f)) return false
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes)
    return true
  } catch {
    return false
  }
}

/**
 * The type a file is stored and served with once its name is checked against its content:
 * text is served as CSV for `.csv` names, OLE as Word or Excel by extension. Undefined when the
 * extension is not one the content may carry (an exe renamed `.pdf` is not a PDF; a PDF renamed
 * `.png` is refused too, because viewers would mishandle it).
 */
export function typeForName(detected: DetectedType, name: string): { mime: string; extension: string } | undefined {
  const lower = name.toLowerCase()
  const text = detected === FILE_TYPES.txt ? [FILE_TYPES.txt, FILE_TYPES.csv] : [detected]
  for (const type of text) {
    const extension = type.extensions.find((ext) => lower.endsWith(ext))
    if (extension) return { mime: OLE_MIMES[extension] ?? type.mime, extension }
  }
  return undefined
}
