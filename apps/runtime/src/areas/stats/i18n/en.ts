import type zhCN from './zh-CN'

const en: typeof zhCN = {
  nav: { dashboard: 'Statistics' },
  title: 'Statistics',
  intro:
    'Figures come from the cases’ history (summed every half minute), not from their live state.',
  filters: {
    range: 'Range',
    from: 'From',
    to: 'To',
    period: 'Period',
    window: 'Window',
    item: 'Item',
    allWindows: 'All windows',
    allItems: 'All items',
  },
  periods: {
    day: 'By day',
    week: 'By week',
    month: 'By month',
    quarter: 'By quarter',
    year: 'By year',
  },
  metrics: {
    received: 'Received',
    completed: 'Completed',
    inProgress: 'In progress',
    onTimeRate: 'On-time rate',
    overdue: 'Overdue',
    averageWd: 'Average handling time',
    medianWd: 'Median handling time',
    returnedRate: 'Returned rate',
    supplementRate: 'Supplement rate',
    satisfactionRate: 'Satisfaction',
    onlineRate: 'Online applications',
    evaluated: 'Evaluations',
    visitsPerCase: 'Visits per case',
    firstAsks: 'First-ask registrations',
    referralCompletionRate: 'Referrals completed',
  },
  units: { days: '{n} working days', cases: '{n} cases', visits: '{n} visits' },
  charts: {
    trend: 'Received and completed',
    ranking: 'Windows by on-time rate',
    rankingHandler: 'Handlers by completed cases',
    distribution: 'Received by item',
    intake: 'Online or at the desk',
    empty: 'No cases in this range',
  },
  export: {
    title: 'Export',
    csv: 'CSV',
    xlsx: 'Excel',
    overview: 'Overview',
    trend: 'Trend',
    ranking: 'Ranking',
    distribution: 'Distribution',
  },
  report: { title: 'Monthly report', month: 'Month', download: 'Download the monthly report' },
  forbidden:
    'Only window heads, hall or unit admins and the supervision office can read statistics.',
}

export default en
