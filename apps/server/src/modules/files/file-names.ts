/** Longest name kept, in characters; the extension survives the cut. */
export const MAX_NAME_LENGTH = 120

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i
// C0/C1 controls, and bidi overrides that make "exe.pdf" display as "fdp.exe".
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g
const FORBIDDEN = /[<>:"|?*]/g

/**
 * A file name safe to show, store and offer on download: no folders (the last part of
 * `../../etc/passwd` or `C:\x\y.pdf`), no control or bidi characters, none of `<>:"|?*`, no
 * Windows device names, no leading or trailing dots and spaces, at most 120 characters with the
 * extension kept. Chinese and other letters are kept as typed (NFC). Never empty.
 *
 * @example sanitizeFileName('../../病假证明.pdf') // '病假证明.pdf'
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? ''
  let name = base.replace(INVISIBLE, '').replace(FORBIDDEN, '_').replace(/^[\s.]+|[\s.]+$/g, '')
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot) : ''
  // Windows reserves the device name before any extension: CON.txt and CON.tar.gz alike.
  if (RESERVED.test(name.split('.')[0] ?? '')) name = `_${name}`
  if (name.length > MAX_NAME_LENGTH) {
    const keep = [...extension].length <= 16 ? extension : ''
    name = [...name.slice(0, name.length - extension.length)].slice(0, MAX_NAME_LENGTH - keep.length).join('') + keep
  }
  return name || 'file'
}

/**
 * `Content-Disposition` for a download: an ASCII fallback for old clients and the real name in
 * RFC 5987 `filename*`, so 病假证明.pdf arrives as 病假证明.pdf.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`
}
