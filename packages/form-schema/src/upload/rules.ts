import { buildTree, descendants } from '../schema/tree'
import { templateOf } from '../schema/paths'
import type { FormSchema } from '../schema/types'

/**
 * Whether a file matches an `accept` list as browsers read it: `.pdf` by
 * extension, `image/*` by type family, `application/pdf` exactly. The file
 * dialog's own filter is only a hint (users can pick "all files"), so the
 * renderer checks again, and the server checks with the type it read from the content.
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

/** The limits an `Upload` field sets in its `x-component-props`, read the same way by renderer and server. */
export interface UploadRules {
  readonly accept?: string
  readonly maxSizeMB?: number
  /** Most files the field holds. */
  readonly limit?: number
  /** The materials-checklist entry (`x-material`) the field satisfies. */
  readonly material?: string
}

const positive = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined

/**
 * The upload rules of the field at `path` (template `certificate` or concrete
 * `rows[2].scan`), or undefined when the form has no `Upload` field there.
 *
 * @example uploadRulesOf(schema, 'certificate') // { accept: '.pdf,image/*', maxSizeMB: 5, limit: 3, material: 'hospital-certificate' }
 */
export function uploadRulesOf(schema: FormSchema, path: string): UploadRules | undefined {
  const template = templateOf(path)
  const node = descendants(buildTree(schema)).find((n) => n.path === template && n.kind !== 'void')
  if (!node || node.schema['x-component'] !== 'Upload') return undefined
  const props = node.schema['x-component-props'] ?? {}
  const accept = typeof props.accept === 'string' && props.accept.trim() ? props.accept : undefined
  const maxSizeMB = positive(props.maxSizeMB)
  const limit = positive(props.limit)
  const material = node.schema['x-material']
  return {
    ...(accept ? { accept } : {}),
    ...(maxSizeMB ? { maxSizeMB } : {}),
    ...(limit ? { limit: Math.floor(limit) } : {}),
    ...(material ? { material } : {}),
  }
}

/**
 * The schema path of the `Upload` field that carries a materials-checklist entry (`x-material`),
 * the first one in form order; undefined when no field does (the material is handed in apart
 * from the form, e.g. for a supplement notice).
 *
 * @example uploadFieldOf(schema, 'hospital-certificate') // 'certificate'
 */
export function uploadFieldOf(schema: FormSchema, material: string): string | undefined {
  return descendants(buildTree(schema)).find(
    (n) => n.kind !== 'void' && n.schema['x-component'] === 'Upload' && n.schema['x-material'] === material,
  )?.path
}
