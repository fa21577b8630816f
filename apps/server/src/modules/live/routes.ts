import { createRoute, z } from '@hono/zod-openapi'
import { streamSSE } from 'hono/streaming'
import { commonErrors } from '../../http/openapi-schemas'
import { createRouter } from '../../http/router'
import { requireActor } from '../auth/session'
import { liveBus } from './bus'
import { visiblePart } from './visible'

/** A comment line this often keeps proxies (nginx: 60 s idle) from closing a quiet stream. */
export const HEARTBEAT_MS = 25_000
/** How long a browser waits before reconnecting after the stream dropped. */
const RETRY_MS = 3_000

const events = createRoute({
  method: 'get', path: '/', tags: ['events'],
  summary: 'Live updates (SSE) for the signed-in user: task.created, task.assigned, case.changed, notification, resync',
  responses: {
    200: { content: { 'text/event-stream': { schema: z.string() } }, description: 'A `ready` event, then the events the user may see (`resync`: reload, events may have been missed); a heartbeat comment every 25 s' },
    ...commonErrors,
  },
})

/** /api/events: one stream per open page; every tab gets its own and all of them hear the same events. */
export const eventRoutes = createRouter().openapi(events, (c) => {
  const actor = requireActor(c)
  const { db } = c.get('deps').database
  const log = c.get('log')
  return streamSSE(c, async (stream) => {
    let open = true
    // Writes go one after the other: SSE frames must not interleave, and visibility checks are async.
    let queue = Promise.resolve()
    const later = (work: () => Promise<void>) => {
      queue = queue.then(work).catch((error: unknown) => log.warn({ err: error }, 'live event not delivered'))
    }
    const unsubscribe = liveBus.subscribe((event) =>
      later(async () => {
        const part = open ? await visiblePart(db, actor, event) : null
        if (part && open) await stream.writeSSE({ event: event.type, data: JSON.stringify(part) })
      }),
    )
    stream.onAbort(() => {
      open = false
      unsubscribe()
    })
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ userId: actor.userId }), retry: RETRY_MS })
    while (open) {
      await stream.sleep(HEARTBEAT_MS)
      if (open) later(() => stream.write(': heartbeat\n\n').then(() => undefined))
    }
  })
})
