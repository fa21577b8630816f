/** The notification channels `HALL_NOTIFY_CHANNELS` may name (kept apart so config.ts needs no module code). */
export const CHANNEL_NAMES = ['inapp', 'email', 'sms'] as const
export type ChannelName = (typeof CHANNEL_NAMES)[number]
