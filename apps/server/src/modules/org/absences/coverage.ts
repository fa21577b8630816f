export interface Interval {
  from: Date
  to: Date
}

function intersect(a: Interval[], b: Interval[]): Interval[] {
  const out: Interval[] = []
  for (const x of a) {
    for (const y of b) {
      const from = x.from > y.from ? x.from : y.from
      const to = x.to < y.to ? x.to : y.to
      if (from < to) out.push({ from, to })
    }
  }
  return out
}

/**
 * The first stretch of `period` during which every other holder is away (so nobody would be
 * present), or undefined. With no other holder the whole period is uncovered.
 */
export function uncovered(period: Interval, awayByHolder: Interval[][]): Interval | undefined {
  let stillUncovered = [period]
  for (const away of awayByHolder) stillUncovered = intersect(stillUncovered, away)
  return stillUncovered.sort((a, b) => a.from.getTime() - b.from.getTime())[0]
}
