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

  async function saveAt(at: number): Promise<boolean> {
    clearTimeout(timer)
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
      if (!conflict.value) timer = setTimeout(() => void saveAt(revision.value), delay)
    },
    { deep: true },
  )

  return {
    content,
    revision,
    saving,
    savedAt,
    conflict,
    flush: () => (conflict.value ? Promise.resolve(false) : dirty ? saveAt(revision.value) : Promise.resolve(true)),
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
