import type { OkBody, api } from '@hall/web-common'

/** One in-app notification as `GET /api/notifications` and the live stream send it. */
export type NotificationItem = OkBody<
  Awaited<ReturnType<typeof api.notifications.$get>>
>['items'][number]
