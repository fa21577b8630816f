import type zhCN from './zh-CN'

const en: typeof zhCN = {
  nav: { book: 'Book an appointment', mine: 'My appointments' },
  item: 'Item',
  window: 'Window',
  date: 'Date',
  time: 'Time',
  status: 'Status',
  booked: 'Booked for {time}. Check in at the window; more than 30 minutes late counts as given up',
  statuses: { booked: 'Booked', cancelled: 'Cancelled', checked_in: 'Checked in', given_up: 'Given up' },
  book: { title: 'Book an appointment', noSlots: 'No slots on this day', available: 'Places left', book: 'Book' },
  mine: { title: 'My appointments', empty: 'No appointments yet', cancel: 'Cancel' },
}

export default en
