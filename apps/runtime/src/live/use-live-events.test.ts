import { afterEach, describe, expect, it, vi } from 'vitest'
import { useLiveEvents } from './use-live-events'

/** The browser's EventSource as far as the composable uses it: the test plays the server's frames. */
class ServerSentEvents extends EventTarget {
  static readonly CLOSED = 2
  static opened: ServerSentEvents[] = []
  readyState = 1
  constructor(readonly url: string) {
    super()
    ServerSentEvents.opened.push(this)
  }
  send(type: string, data: unknown = {}) {
    this.dispatchEvent(new MessageEvent(type, { data: JSON.stringify(data) }))
  }
  close() {
    this.readyState = ServerSentEvents.CLOSED
  }
}

describe('useLiveEvents', () => {
  afterEach(() => {
    ServerSentEvents.opened = []
    vi.unstubAllGlobals()
  })

  it('reloads the page when the server says it may have missed events, not on the first connection', () => {
    vi.stubGlobal('EventSource', ServerSentEvents)
    const reload = vi.fn()
    const changed = vi.fn()
    const { stop } = useLiveEvents({ 'case.changed': changed }, { onReconnect: reload })
    const stream = ServerSentEvents.opened[0]!
    expect(stream.url).toBe('/api/events')

    stream.send('ready', { userId: 'u-stu' })
    expect(reload).not.toHaveBeenCalled()
    stream.send('resync')
    expect(reload).toHaveBeenCalledTimes(1)
    stream.send('case.changed', { caseId: 'c1', status: 'running' })
    expect(changed).toHaveBeenCalledWith({ caseId: 'c1', status: 'running' })
    stop()
    expect(stream.readyState).toBe(ServerSentEvents.CLOSED)
  })
})
