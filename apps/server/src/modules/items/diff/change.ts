/** How an entry differs between two versions. */
export type ChangeKind = 'added' | 'removed' | 'changed'

/** One property that differs, as readable text on both sides (absent = not set). */
export interface PropertyChange {
  key: string
  label: string
  old?: string
  new?: string
}

/** Compares two property maps key by key, in the order the keys first appear. */
export function changedProperties(
  before: Record<string, string>,
  after: Record<string, string>,
  labelOf: (key: string) => string = (key) => key,
): PropertyChange[] {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])]
  return keys
    .filter((key) => before[key] !== after[key])
    .map((key) => ({
      key,
      label: labelOf(key),
      ...(before[key] === undefined ? {} : { old: before[key] }),
      ...(after[key] === undefined ? {} : { new: after[key] }),
    }))
}
