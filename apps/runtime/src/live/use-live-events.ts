/**
 * Live updates from the server (`GET /api/events`, server-sent events) for the signed-in user.
 * Every page of a tab shares one connection; it opens with the first listener and closes with the
 * last. A dropped connection comes back by itself (the browser retries network drops; after a
 * refused one, such as a restart behind a proxy answering 502, we reopen with a growing pause),
 * and `onReconnect` tells a page to reload what it may have missed meanwhile. The server says the
 * same with a `resync` event when it may have missed events itself (its cross-process listener
 * reconnected), so pages reload then too.
 *
 * @example
 * // in a page's setup: reload the case whenever the server says it changed
 * useLiveEvents({ 'case.changed': ({ caseId }) => caseId === id && reload() }, { onReconnect: reload })
 */
import { getCurrentInstance, onBeforeUnmount, readonly, ref } from 'vue'
import type { NotificationItem } from './types'

/** What each event carries (see docs/api.md, "Live updates"). */
export interface LiveEventData {
  'task.created': { taskId: string; caseId: string | null }
  'task.assigned': { taskId: string; caseId: string | null }
  'case.changed': { caseId: string; status: string }
  notification: NotificationItem
}
export type LiveEventType = keyof LiveEventData
export type LiveHandlers = { [K in LiveEventType]?: (data: LiveEventData[K]) => void }

const EVENT_TYPES: LiveEventType[] = [
  'task.created',
  'task.assigned',
  'case.changed',
  'notification',
]
const FIRST_RETRY_MS = 2_000
const MAX_RETRY_MS = 30_000

interface Listener {
  handlers: LiveHandlers
  onReconnect?: (() => void) | undefined
}

const listeners = new Set<Listener>()
const connected = ref(false)
let source: EventSource | undefined
let retryMs = FIRST_RETRY_MS
let retryTimer: ReturnType<typeof setTimeout> | undefined
let everConnected = false

function dispatch<K extends LiveEventType>(type: K, message: MessageEvent<string>): void {
  let data: LiveEventData[K]
  try {
    data = JSON.parse(message.data) as LiveEventData[K]
  } catch {
    return
  }
  for (const listener of listeners) listener.handlers[type]?.(data)
}

function open(): void {
  const events = new EventSource('/api/events')
  source = events
  events.addEventListener('ready', () => {
    connected.value = true
    retryMs = FIRST_RETRY_MS
    // The first connection found the page freshly loaded; later ones may have missed events.
    if (everConnected) for (const listener of listeners) listener.onReconnect?.()
    everConnected = true
  })
  for (const type of EVENT_TYPES)
    events.addEventListener(type, (message) => dispatch(type, message as MessageEvent<string>))
  events.addEventListener('resync', () => {
    for (const listener of listeners) listener.onReconnect?.()
  })
  events.addEventListener('error', () => {
    connected.value = false
    // CONNECTING: the browser is already retrying. CLOSED: it gave up (non-200 answer); we retry.
    if (events.readyState !== EventSource.CLOSED || source !== events) return
    source = undefined
    retryTimer = setTimeout(() => {
      retryTimer = undefined
      if (listeners.size && !source) open()
    }, retryMs)
    retryMs = Math.min(retryMs * 2, MAX_RETRY_MS)
  })
}

function close(): void {
  source?.close()
  source = undefined
  if (retryTimer) clearTimeout(retryTimer)
  retryTimer = undefined
  connected.value = false
  everConnected = false
}

/**
 * Listens to live events while the calling component is mounted (outside a component: until `stop()`).
 * Answers whether the stream is up now, for a "live" badge or a fallback.
 */
export function useLiveEvents(handlers: LiveHandlers, options: { onReconnect?: () => void } = {}) {
  const listener: Listener = { handlers, onReconnect: options.onReconnect }
  listeners.add(listener)
  if (!source && !retryTimer && typeof EventSource !== 'undefined') open()
  const stop = () => {
    if (!listeners.delete(listener)) return
    if (!listeners.size) close()
  }
  if (getCurrentInstance()) onBeforeUnmount(stop)
  return { connected: readonly(connected), stop }
}
