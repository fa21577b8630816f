import { runFeel } from '../expressions/feel'
import { assignPath, getAt, isEmptyValue } from '../schema/paths'
import { buildTree, descendants, isInSubTable, type SchemaNode } from '../schema/tree'
import type { FormSchema } from '../schema/types'
import { DEFAULT_TIME_ZONE, nowValue } from '../time/zoned'

/** Why a prefill produced no value. A failure is always reported, never a silent blank. */
export const PREFILL_REASONS = {
  /** The source answered with nothing (no such person, empty attribute, FEEL gave null). */
  NOT_FOUND: 'NOT_FOUND',
  /** The resolver threw or rejected (network, permissions, timeout). */
  SOURCE_ERROR: 'SOURCE_ERROR',
  /** The scheme is not one of dc:, user:, now:, field:, =. */
  UNKNOWN_SOURCE: 'UNKNOWN_SOURCE',
  /** The FEEL expression does not parse or fails to run. */
  EXPRESSION_ERROR: 'EXPRESSION_ERROR',
  /** Prefill inside a sub-table row: rows do not exist before the applicant adds them. */
  UNSUPPORTED: 'UNSUPPORTED',
} as const
export type PrefillReason = (typeof PREFILL_REASONS)[keyof typeof PREFILL_REASONS]

/** Kinds of external prefill sources the host application resolves. */
export type ExternalSource = 'dc' | 'user'

/**
 * What the host injects: `resolve('dc', 'person.name')` reads the data
 * center for the current applicant, `resolve('user', 'displayName')` the
 * signed-in user. The package itself does no I/O.
 */
export interface PrefillSources {
  readonly resolve: (source: ExternalSource, path: string) => Promise<unknown>
  /** The clock for `now:` prefills; the real clock when left out. */
  readonly now?: () => Date
  /** Time zone for `now:` prefills; Asia/Shanghai by default. */
  readonly timeZone?: string
}

export interface PrefillFailure {
  /** The prefill source as written, e.g. `dc:person.name`. */
  readonly path: string
  /** Data path of the field that stays empty. */
  readonly field: string
  readonly reason: PrefillReason
  /** Detail for logs and the designer (resolver or FEEL error text). */
  readonly message: string
}

export interface PrefillResult {
  /** Form data with every resolved prefill, nested like submitted data. */
  readonly values: Record<string, unknown>
  readonly failures: readonly PrefillFailure[]
}

type Outcome = { value: unknown } | { reason: PrefillReason; message: string }

async function external(source: string, sources: PrefillSources): Promise<Outcome> {
  const [scheme = '', ...rest] = source.split(':')
  const path = rest.join(':')
  if (scheme === 'now') {
    const value = nowValue(
      path,
      sources.now?.() ?? new Date(),
      sources.timeZone ?? DEFAULT_TIME_ZONE,
    )
    return value === undefined
      ? {
          reason: PREFILL_REASONS.UNKNOWN_SOURCE,
          message: `now:${path} is not date, datetime, time or year`,
        }
      : { value }
  }
  if (scheme !== 'dc' && scheme !== 'user')
    return { reason: PREFILL_REASONS.UNKNOWN_SOURCE, message: `Unknown prefill source "${source}"` }
  try {
    const value = await sources.resolve(scheme, path)
    return isEmptyValue(value)
      ? { reason: PREFILL_REASONS.NOT_FOUND, message: `${source} has no value` }
      : { value }
  } catch (error) {
    return {
      reason: PREFILL_REASONS.SOURCE_ERROR,
      message: error instanceof Error ? error.message : String(error),
    }
  }
}

/** Field references and FEEL read other prefills, so they run after the external ones, in rounds. */
function derived(source: string, values: Record<string, unknown>): Outcome {
  if (source.startsWith('field:')) {
    const value = getAt(values, source.slice('field:'.length))
    return isEmptyValue(value)
      ? { reason: PREFILL_REASONS.NOT_FOUND, message: `${source} has no value` }
      : { value }
  }
  const result = runFeel(source, values)
  if (!result.ok) return { reason: PREFILL_REASONS.EXPRESSION_ERROR, message: result.error }
  return isEmptyValue(result.value)
    ? { reason: PREFILL_REASONS.NOT_FOUND, message: `${source} gave no value` }
    : { value: result.value }
}

function isDerived(source: string): boolean {
  return source.startsWith('field:') || source.startsWith('=')
}

type Failed = { reason: PrefillReason; message: string }
type Prefill = { readonly node: SchemaNode; readonly source: string }

/** Runs `field:` and FEEL prefills in rounds until none makes progress; returns those left without a value. */
function resolveDerived(pending: Prefill[], values: Record<string, unknown>): [Prefill, Failed][] {
  let left = pending
  for (let progress = true; progress && left.length > 0;) {
    const before = left.length
    left = left.filter(({ node, source }) => {
      const outcome = derived(source, values)
      if ('value' in outcome) assignPath(values, node.path, outcome.value)
      return !('value' in outcome)
    })
    progress = left.length < before
  }
  return left.map((p) => [p, derived(p.source, values) as Failed])
}

/**
 * Resolves every `x-prefill` of a form. External sources are asked in
 * parallel; `field:` and FEEL prefills then read the values resolved so far.
 * Every prefill that yields nothing is listed in `failures` with its reason,
 * in form order.
 *
 * @example
 * const { values, failures } = await resolvePrefill(schema, { resolve: (kind, path) => dc.read(kind, path, userId) })
 */
export async function resolvePrefill(
  schema: FormSchema,
  sources: PrefillSources,
): Promise<PrefillResult> {
  const prefills: Prefill[] = descendants(buildTree(schema)).flatMap((node) => {
    const source = node.schema['x-prefill']
    return node.kind === 'void' || source === undefined ? [] : [{ node, source }]
  })
  const values: Record<string, unknown> = {}
  const unsupported: Failed = {
    reason: PREFILL_REASONS.UNSUPPORTED,
    message: 'Prefill inside a sub-table row is not supported',
  }
  const failed: [Prefill, Failed][] = prefills
    .filter((p) => isInSubTable(p.node))
    .map((p) => [p, unsupported])
  const usable = prefills.filter((p) => !isInSubTable(p.node))
  const answers = await Promise.all(
    usable
      .filter((p) => !isDerived(p.source))
      .map(async (p) => [p, await external(p.source, sources)] as const),
  )
  for (const [prefill, outcome] of answers) {
    if ('value' in outcome) assignPath(values, prefill.node.path, outcome.value)
    else failed.push([prefill, outcome])
  }
  failed.push(
    ...resolveDerived(
      usable.filter((p) => isDerived(p.source)),
      values,
    ),
  )
  // Report in form order, whatever order the sources answered in.
  failed.sort(([a], [b]) => prefills.indexOf(a) - prefills.indexOf(b))
  const failures = failed.map(([{ node, source }, f]) => ({ path: source, field: node.path, ...f }))
  return { values, failures }
}
