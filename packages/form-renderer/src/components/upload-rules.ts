/** The type check is shared with the server, which repeats it on the bytes it receives. */
export { accepts } from '@hall/form-schema'

/** 1536 → "1.5 KB": sizes as people read them in a materials list. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
