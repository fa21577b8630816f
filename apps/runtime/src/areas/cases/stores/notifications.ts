import { defineStore } from 'pinia'
import { ref } from 'vue'
import { api, call } from '@hall/web-common'
import type { NotificationItem } from '../../../live/types'

const PAGE = 20

/**
 * My in-app notifications: the bell's unread count and the notifications page's list, kept in
 * one place so reading one on the page lowers the bell at once. Live `notification` events add to it.
 */
export const useNotificationsStore = defineStore('notifications', () => {
  const items = ref<NotificationItem[]>([])
  const unread = ref(0)
  const total = ref(0)
  const unreadOnly = ref(false)

  async function load(more = false): Promise<void> {
    const offset = more ? items.value.length : 0
    const page = await call(
      api.notifications.$get({
        query: {
          limit: String(PAGE),
          offset: String(offset),
          unread: unreadOnly.value ? 'true' : 'false',
        },
      }),
    )
    items.value = more ? [...items.value, ...page.items] : page.items
    unread.value = page.unread
    total.value = unreadOnly.value ? page.unread : page.total
  }

  /** A notification the live stream brought: first in the list, one more unread. */
  function received(notification: NotificationItem): void {
    if (items.value.some((item) => item.id === notification.id)) return
    items.value = [notification, ...items.value]
    unread.value++
    total.value++
  }

  async function markRead(id: string): Promise<void> {
    const read = await call(api.notifications[':id'].read.$post({ param: { id }, json: {} }))
    const was = items.value.find((item) => item.id === id)
    if (was && !was.readAt) unread.value = Math.max(0, unread.value - 1)
    items.value = unreadOnly.value
      ? items.value.filter((item) => item.id !== id)
      : items.value.map((item) => (item.id === id ? read : item))
  }

  async function readAll(): Promise<void> {
    await call(api.notifications['read-all'].$post({ json: {} }))
    await load()
  }

  return { items, unread, total, unreadOnly, load, received, markRead, readAll }
})
