/**
 * Undo and redo over whole snapshots. Schemas are immutable values (every tree edit returns a new
 * one), so a snapshot costs one reference, and undo can never see a half-applied edit.
 */
export class EditHistory<T> {
  private past: T[] = []
  private future: T[] = []
  private lastGroup: string | undefined

  constructor(
    private present: T,
    private readonly limit = 200,
  ) {}

  get current(): T {
    return this.present
  }
  get canUndo(): boolean {
    return this.past.length > 0
  }
  get canRedo(): boolean {
    return this.future.length > 0
  }

  /**
   * Records a new state; whatever was undone before is dropped. Consecutive pushes of one
   * `group` (typing into one field) make a single undo step.
   */
  push(next: T, group?: string): void {
    if (next === this.present) return
    if (group === undefined || group !== this.lastGroup || this.future.length > 0) {
      this.past.push(this.present)
      if (this.past.length > this.limit) this.past.shift()
    }
    this.lastGroup = group
    this.present = next
    this.future = []
  }

  undo(): T {
    const previous = this.past.pop()
    if (previous === undefined) return this.present
    this.lastGroup = undefined
    this.future.push(this.present)
    this.present = previous
    return previous
  }

  redo(): T {
    const next = this.future.pop()
    if (next === undefined) return this.present
    this.past.push(this.present)
    this.present = next
    return next
  }

  /** Starts over from `state` (a draft loaded from elsewhere): nothing to undo into. */
  reset(state: T): void {
    this.present = state
    this.lastGroup = undefined
    this.past = []
    this.future = []
  }
}
