import { nextTick } from 'vue'
import { describe, expect, it, vi } from 'vitest'
import type { DraftContent, ItemDraft, SaveOutcome } from '../../stores/items'
import { useDraftAutosave } from './use-draft-autosave'

const draft = (revision: number, name = '请假'): ItemDraft =>
  ({ guide: { summary: name }, form: { type: 'object', properties: {} }, bpmn: '<xml/>', revision, updatedAt: '2026-12-01T00:00:00Z', updatedBy: { id: 'u2', name: '李明' } }) as unknown as ItemDraft

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('useDraftAutosave', () => {
  it('saves after a pause with the revision the edit was made on, once for a burst of edits', async () => {
    const save = vi.fn(async (_content: DraftContent, revision: number): Promise<SaveOutcome> => ({ ok: true, draft: draft(revision + 1) }))
    const autosave = useDraftAutosave(draft(3), save, 20)
    autosave.content.value.guide = { summary: '改一' }
    await nextTick()
    autosave.content.value.guide = { summary: '改二' }
    await nextTick()
    await wait(60)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save.mock.calls[0]![1]).toBe(3)
    expect(save.mock.calls[0]![0].guide).toEqual({ summary: '改二' })
    expect(autosave.revision.value).toBe(4)
  })

  it('stops on a conflict and lets the user keep theirs or take the other draft', async () => {
    let answer: SaveOutcome = { ok: false, current: draft(7, '别人的') }
    const save = vi.fn(async (_content: DraftContent, _revision: number): Promise<SaveOutcome> => answer)
    const autosave = useDraftAutosave(draft(3), save, 10)
    autosave.content.value.guide = { summary: '我的' }
    await nextTick()
    await wait(40)
    expect(autosave.conflict.value?.revision).toBe(7)
    expect(await autosave.flush()).toBe(false)

    answer = { ok: true, draft: draft(8) }
    expect(await autosave.keepMine()).toBe(true)
    expect(save.mock.calls.at(-1)![1]).toBe(7)
    expect(autosave.revision.value).toBe(8)

    answer = { ok: false, current: draft(9, '别人的') }
    autosave.content.value.guide = { summary: '我的第二次' }
    await nextTick()
    await wait(40)
    autosave.takeTheirs()
    expect(autosave.content.value.guide).toEqual({ summary: '别人的' })
    expect(autosave.revision.value).toBe(9)
    expect(autosave.conflict.value).toBeNull()
  })

  it('waits for a slow save before the next, which goes out on the revision the first one got', async () => {
    let release: () => void = () => undefined
    const save = vi.fn(async (_content: DraftContent, revision: number): Promise<SaveOutcome> => {
      if (revision === 3) await new Promise<void>((resolve) => (release = resolve))
      return { ok: true, draft: draft(revision + 1) }
    })
    const autosave = useDraftAutosave(draft(3), save, 10)
    autosave.content.value.guide = { summary: '改一' }
    await nextTick()
    await wait(30)
    // The server is still answering the first save when the next edit's pause is over.
    autosave.content.value.guide = { summary: '改二' }
    await nextTick()
    await wait(30)
    expect(save).toHaveBeenCalledTimes(1)
    release()
    expect(await autosave.flush()).toBe(true)
    expect(save.mock.calls.map((call) => call[1])).toEqual([3, 4])
    expect(autosave.conflict.value).toBeNull()
    expect(autosave.revision.value).toBe(5)
  })
})
