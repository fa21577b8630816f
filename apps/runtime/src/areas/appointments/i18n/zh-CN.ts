/** Strings of the appointments area (under the `appointments` key); `en.ts` mirrors every key. */
export default {
  nav: { book: '预约办事', mine: '我的预约' },
  item: '事项',
  window: '窗口',
  date: '日期',
  time: '时间',
  status: '状态',
  booked: '已预约 {time}，请提前到窗口签到，迟到超过 30 分钟视为放弃',
  statuses: { booked: '已预约', cancelled: '已取消', checked_in: '已签到', given_up: '视为放弃' },
  book: { title: '预约办事', noSlots: '这一天没有可预约的时段', available: '剩余', book: '预约' },
  mine: { title: '我的预约', empty: '还没有预约', cancel: '取消' },
}
