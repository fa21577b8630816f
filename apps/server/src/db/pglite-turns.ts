/** The longest stretch of statements before the event loop gets a turn (see {@link Turns.pause}). */
const SLICE_MS = 5

/**
 * Whose turn it is on PGlite's one connection: transactions one after another in arrival order,
 * and between two of them, first the single statements that waited for the one before.
 *
 * PGlite queues every statement sent while a transaction is open behind every transaction queued
 * after it too (they share one lock, first come first served). Under load — a counter's worth of
 * approvals at once, each a transaction — a request's every read then waited for all of them: a
 * request of five reads waited five queues, and the slowest requests took ten times the median.
 * Here a statement waits for the transaction open now only; a transaction for the ones before it.
 */
export class Turns {
  /** Ends when the transaction running now has ended; none when none of ours runs. */
  private running: Promise<void> | undefined
  /** Settles when the last transaction queued has ended: the next one starts after it. */
  private last: Promise<void> = Promise.resolve()
  /** Whether statements wait for the transaction running now to end. */
  private awaited = false
  /** When the statements running since the event loop last turned began; none after it turned. */
  private sliceStart: number | undefined

  /** Run `work` (one transaction) when the transactions queued before it have ended. */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    const before = this.last
    let done!: () => void
    this.last = new Promise((resolve) => (done = resolve))
    await before
    let ended!: () => void
    this.running = new Promise((resolve) => (ended = resolve))
    try {
      return await work()
    } finally {
      this.running = undefined
      // The statements that waited for this transaction ask for PGlite's query lock now, in this
      // turn of the event loop; the next transaction's BEGIN asks for it in the next one. So does
      // it when the event loop is due a turn (see pause()).
      const awaited = this.awaited
      this.awaited = false
      ended()
      if (awaited || this.sliceOver()) setImmediate(done)
      else done()
    }
  }

  /** Wait for the transaction running now to end; false (at once) when none of ours runs. */
  async waitForRunning(): Promise<boolean> {
    if (!this.running) return false
    this.awaited = true
    await this.running
    return true
  }

  /**
   * After a statement (and a transaction, before the next one starts): when statements have run
   * for more than {@link SLICE_MS} without the event loop turning, wait for it to turn once.
   * PGlite runs in this thread and answers synchronously, so a chain of requests handing the lock
   * to each other runs as one long stretch of promise callbacks during which no request is read
   * and no answer sent; this gives them a turn.
   */
  async pause(): Promise<void> {
    if (this.sliceOver()) await new Promise((resolve) => setImmediate(resolve))
  }

  /** Whether statements have run for more than {@link SLICE_MS} since the event loop last turned. */
  private sliceOver(): boolean {
    const now = performance.now()
    if (this.sliceStart !== undefined) return now - this.sliceStart > SLICE_MS
    this.sliceStart = now
    setImmediate(() => (this.sliceStart = undefined))
    return false
  }
}
