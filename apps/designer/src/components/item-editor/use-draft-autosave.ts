import { ref, watch, type Ref } from 'vue'
import type { DraftContent, ItemDraft, SaveOutcome } from '../../stores/items'

/** Edits are saved this long after the last change: autosave without a request per keystroke. */
export const AUTOSAVE_DELAY_MS = 1200

export interface DraftAutosave {
  content: Ref<DraftContent>
  revision: Ref<number>
  saving: Ref<boolean>
  savedAt: Ref<Date | null>
  /** Someone else saved since we loaded: their draft, until the user chooses. */
  conflict: Ref<ItemDraft | null>
  /** Save now (before publishing); resolves false while a conflict is open. */
  flush(): Promise<boolean>
  keepMine(): Promise<boolean>
  takeTheirs(): void
}

const contentOf = (draft: ItemDraft): DraftContent => ({ guide: draft.guide as DraftContent['guide'], form: draft.form, bpmn: draft.bpmn })

/**
 * The item editor's draft: every change is saved after a pause with the revision it was made on;
 * a stale revision (another admin saved) stops autosave and keeps both versions for the user to
 * choose, so nobody's work is overwritten silently.
 */
export function useDraftAutosave(initial: ItemDraft, save: (content: DraftContent, revision: number) => Promise<SaveOutcome>, delay = AUTOSAVE_DELAY_MS): DraftAutosave {
  const content = ref(contentOf(initial)) as Ref<DraftContent>
  const revision = ref(initial.revision)
  const saving = ref(false)
  const savedAt = ref<Date | null>(null)
  const conflict = ref<ItemDraft | null>(null)
  let dirty = false
  let timer: ReturnType<typeof setTimeout> | undefined
  let applying = false
  /** The save under way: the next one waits for it, else it would go out with the revision this one replaces. */
  let inFlight: Promise<unknown> = Promise.resolve()

  /** Saves once the previous save is answered, on `at` or else the revision then current. */
  function saveAt(at?: number): Promise<boolean> {
    clearTimeout(timer)
    const run = inFlight.then(() => send(at ?? revision.value))
    inFlight = run.catch(() => undefined)
    return run
  }

  async function send(at: number): Promise<boolean> {
    // A save queued behind another that already carried every change has nothing left to send.
    if (!dirty) return conflict.value === null
    saving.value = true
    try {
      dirty = false
      const outcome = await save(content.value, at)
      if (!outcome.ok) {
        conflict.value = outcome.current
        dirty = true
        return false
      }
      revision.value = outcome.draft.revision
      savedAt.value = new Date()
      return true
    } finally {
      saving.value = false
    }
  }

  watch(
    content,
    () => {
      if (applying) return
      dirty = true
      clearTimeout(timer)
      if (!conflict.value) timer = setTimeout(() => void saveAt(), delay)
    },
    { deep: true },
  )

  return {
    content,
    revision,
    saving,
    savedAt,
    conflict,
    flush: () => (conflict.value ? Promise.resolve(false) : dirty ? saveAt() : inFlight.then(() => conflict.value === null)),
    async keepMine() {
      const theirs = conflict.value
      if (!theirs) return true
      conflict.value = null
      return saveAt(theirs.revision)
    },
    takeTheirs() {
      const theirs = conflict.value
      if (!theirs) return
      applying = true
      content.value = contentOf(theirs)
      revision.value = theirs.revision
      conflict.value = null
      dirty = false
      void Promise.resolve().then(() => (applying = false))
    },
  }
}
