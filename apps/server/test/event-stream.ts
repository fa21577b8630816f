import { expect } from 'vitest'
import type { UserClient } from './harness'

export interface Frame {
  event: string
  data: Record<string, unknown>
}

/** An open `GET /api/events` stream, read frame by frame as a browser's EventSource would. */
export class EventStream {
  private buffer = ''
  private readonly frames: Frame[] = []
  private readonly decoder = new TextDecoder()
  constructor(private readonly reader: ReadableStreamDefaultReader<Uint8Array>) {}

  static async open(client: Pick<UserClient, 'get'>): Promise<EventStream> {
    const response = await client.get('/api/events')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toContain('text/event-stream')
    const stream = new EventStream(response.body!.getReader())
    expect((await stream.next()).event).toBe('ready')
    return stream
  }

  /** The next event frame (heartbeat comments skipped). */
  async next(): Promise<Frame> {
    for (;;) {
      const frame = this.frames.shift()
      if (frame) return frame
      const { value, done } = await this.reader.read()
      if (done) throw new Error('the event stream ended')
      this.buffer += this.decoder.decode(value, { stream: true })
      const blocks = this.buffer.split('\n\n')
      this.buffer = blocks.pop()!
      for (const block of blocks) {
        const lines = block.split('\n')
        const event = lines.find((line) => line.startsWith('event: '))?.slice(7)
        const data = lines.find((line) => line.startsWith('data: '))?.slice(6)
        if (event && data) this.frames.push({ event, data: JSON.parse(data) as Record<string, unknown> })
      }
    }
  }

  /** Every frame up to the first one of `type`, that one included. */
  async until(type: string): Promise<Frame[]> {
    const seen: Frame[] = []
    for (let frame = await this.next(); ; frame = await this.next()) {
      seen.push(frame)
      if (frame.event === type) return seen
    }
  }

  close(): Promise<void> {
    return this.reader.cancel()
  }
}
