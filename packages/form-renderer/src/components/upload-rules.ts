/**
 * Whether a file matches an `accept` list as browsers read it: `.pdf` by
 * extension, `image/*` by type family, `application/pdf` exactly. The file
 * dialog's own filter is only a hint (users can pick "all files"), so we check again.
 */
export function accepts(file: { name: string; type: string }, accept: string | undefined): boolean {
  if (!accept?.trim()) return true
  const name = file.name.toLowerCase()
  const type = file.type.toLowerCase()
  return accept
    .split(',')
    .map((token) => token.trim().toLowerCase())
    .filter(Boolean)
    .some((token) => {
      if (token.startsWith('.')) return name.endsWith(token)
      if (token.endsWith('/*')) return type.startsWith(token.slice(0, -1))
      return type === token
    })
}

/** 1536 → "1.5 KB": sizes as people read them in a materials list. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
