import { maskValue } from '@hall/form-schema'
import type { Logger } from 'pino'
import { liveBus } from '../live/bus'
import type { ChannelName } from './channel-names'
import type { NotificationView } from './view'

/** Who a notification goes to, with the addresses the outside channels need. */
export interface Recipient {
  id: string
  email: string | null
  phone: string | null
}

/**
 * A way a notification reaches a person. In-app is always there; email and SMS are log-only by
 * default, so a deployment plugs a real gateway in here without touching the callers of `notify`.
 */
export interface NotificationChannel {
  readonly name: string
  send(notification: NotificationView, to: Recipient): Promise<void>
}

/** Pushes the notification to the recipient's open pages (the bell counts it at once). */
export const inAppChannel: NotificationChannel = {
  name: 'inapp',
  async send(notification, to) {
    liveBus.publish({ type: 'notification', userId: to.id, notification })
  },
}

/** `zhang.san@example.com` → `z***@example.com`: enough to tell which address, not to use it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@')
  return at <= 0 ? '***' : `${email[0]}***${email.slice(at)}`
}

/** Logs what an email would say; personal addresses are masked in the log. */
export function logEmailChannel(log: Logger): NotificationChannel {
  return {
    name: 'email',
    async send(notification, to) {
      if (!to.email) return
      log.info({ channel: 'email', to: maskEmail(to.email), kind: notification.kind, title: notification.title, link: notification.link }, 'notification (log-only email)')
    },
  }
}

/** Logs what an SMS would say; the phone number is masked (138****5678). */
export function logSmsChannel(log: Logger): NotificationChannel {
  return {
    name: 'sms',
    async send(notification, to) {
      if (!to.phone) return
      log.info({ channel: 'sms', to: maskValue('phone', to.phone), kind: notification.kind, text: notification.title }, 'notification (log-only SMS)')
    },
  }
}

/** The channels `HALL_NOTIFY_CHANNELS` names, in that order. */
export function channelsFor(names: readonly ChannelName[], log: Logger): NotificationChannel[] {
  const made: Record<ChannelName, () => NotificationChannel> = { inapp: () => inAppChannel, email: () => logEmailChannel(log), sms: () => logSmsChannel(log) }
  return names.map((name) => made[name]())
}
