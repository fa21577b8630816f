/**
 * Whether two JSON-like values are equal for a scenario's `expect.variables`: objects match
 * whatever order their keys were written in (a scenario author writes them as they think of them,
 * the engine stores them in the order they were set); arrays keep their order. Otherwise as JSON:
 * `undefined` members are absent, dates compare as their ISO text.
 */
export function sameValue(actual: unknown, expected: unknown): boolean {
  return canonical(actual) === canonical(expected)
}

/** JSON text with every object's keys sorted: equal for equal data whatever order it was built in. */
export function canonical(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, member: unknown) =>
    member !== null && typeof member === 'object' && !Array.isArray(member)
      ? Object.fromEntries(Object.entries(member).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : member,
  )
}
