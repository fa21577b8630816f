import type { OkBody, api } from '@hall/web-common'

/** One row of `GET /api/tasks`: the task, its case and the yellow/red marks against the server clock. */
export type InboxEntry = OkBody<Awaited<ReturnType<typeof api.tasks.$get>>>['items'][number]
export type InboxBox = 'todo' | 'done' | 'cc'

/** Red beats yellow: an overdue task is past its warning too. */
export type Mark = 'overdue' | 'warn' | null
export const markOf = (entry: InboxEntry): Mark =>
  entry.overdue ? 'overdue' : entry.warn ? 'warn' : null

/**
 * Whether 批量同意 may include the entry: an open task in my to-do box that is already mine. A
 * claimable one must be claimed first, and one waiting for its added signers cannot be decided.
 */
export const canBatchAgree = (box: InboxBox, entry: InboxEntry): boolean =>
  box === 'todo' && entry.taskId !== null && !entry.claimable && entry.status === 'open'

/** The selected task ids batch agree would send: only those that allow it, in list order. */
export function batchSelection(
  box: InboxBox,
  entries: readonly InboxEntry[],
  selected: ReadonlySet<string>,
): string[] {
  return entries
    .filter(
      (entry) => entry.taskId !== null && selected.has(entry.taskId) && canBatchAgree(box, entry),
    )
    .map((entry) => entry.taskId!)
}

/** The items seen so far, for the item filter: the list itself is filtered on the server. */
export function itemOptions(
  entries: readonly InboxEntry[],
  known: ReadonlyMap<string, string>,
): Map<string, string> {
  const options = new Map(known)
  for (const entry of entries) options.set(entry.itemId, entry.itemName)
  return options
}
