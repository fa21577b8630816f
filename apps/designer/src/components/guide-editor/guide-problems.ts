import type { GuideProblem } from '@hall/guide'

/**
 * The problems the server answered at publishing, followed by those `guideProblems` finds in the
 * guide as it is now (the same rules, so a problem reported by both shows once).
 */
export function mergeProblems(fromServer: readonly GuideProblem[], live: readonly GuideProblem[]): GuideProblem[] {
  const seen = new Set(fromServer.map((p) => `${p.field}\n${p.message}`))
  return [...fromServer, ...live.filter((p) => !seen.has(`${p.field}\n${p.message}`))]
}

/** Problems of one field (and, with `nested`, of the fields inside it: `materials.2.name`). */
export function problemsOf(problems: readonly GuideProblem[], field: string, nested = false): GuideProblem[] {
  return problems.filter((p) => p.field === field || (nested && p.field.startsWith(`${field}.`)))
}
