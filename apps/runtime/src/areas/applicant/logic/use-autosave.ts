import { getCurrentInstance, onBeforeUnmount, ref } from 'vue'
import { ApiError } from '@hall/web-common'

/** What the save bar says: nothing yet, saving, saved at a time, a stale revision, or a failure. */
export type AutosaveStatus = 'idle' | 'saving' | 'saved' | 'conflict' | 'error'

export interface AutosaveOptions {
  /** Saves `data` over `revision`; answers the new revision and when the server stored it. */
  save: (
    data: Record<string, unknown>,
    revision: number,
  ) => Promise<{ revision: number; savedAt: string }>
  revision: number
  /** The values as stored at `revision`: a change back to them needs no save. */
  data: Record<string, unknown>
  delayMs?: number
}

/**
 * Debounced autosave of a draft with optimistic locking: every save names the revision it was
 * edited from. A `409 VERSION_CONFLICT` (saved in another tab or device) stops autosaving and
 * says so: the user reloads and decides, we never overwrite the other copy silently.
 */
export function useAutosave(options: AutosaveOptions) {
  const delay = options.delayMs ?? 1500
  const status = ref<AutosaveStatus>('idle')
  const savedAt = ref<string>()
  const error = ref<unknown>()
  let revision = options.revision
  /** The last values handed to the server (or loaded from it), to skip echoes of them. */
  let stored = JSON.stringify(options.data)
  let pending: Record<string, unknown> | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  let running: Promise<void> = Promise.resolve()

  async function saveNow(): Promise<void> {
    if (timer) clearTimeout(timer)
    timer = undefined
    const data = pending
    pending = undefined
    if (!data || status.value === 'conflict') return
    status.value = 'saving'
    stored = JSON.stringify(data)
    try {
      const saved = await options.save(data, revision)
      revision = saved.revision
      savedAt.value = saved.savedAt
      status.value = 'saved'
    } catch (caught) {
      error.value = caught
      status.value =
        caught instanceof ApiError && caught.code === 'VERSION_CONFLICT' ? 'conflict' : 'error'
      // A failed save is retried with the next change; a conflict is not.
      if (status.value === 'error') pending ??= data
    }
  }

  /** Queues the latest values; they are saved once the user pauses typing. */
  function change(data: Record<string, unknown>): void {
    if (status.value === 'conflict') return
    const json = JSON.stringify(data)
    if (json === stored && !pending) return
    pending = JSON.parse(json) as Record<string, unknown>
    if (timer) clearTimeout(timer)
    timer = setTimeout(() => void flush(), delay)
  }

  /** Saves what is queued now (before submitting, leaving the page); saves run one after another. */
  function flush(): Promise<void> {
    running = running.then(saveNow)
    return running
  }

  if (getCurrentInstance()) onBeforeUnmount(() => void flush())

  return { status, savedAt, error, change, flush, revision: () => revision }
}
