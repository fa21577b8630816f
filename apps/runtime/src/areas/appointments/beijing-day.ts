/** Today's date in Beijing (`YYYY-MM-DD`): slots are listed by the hall's local day, whatever the browser's zone. */
export function beijingToday(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now)
}
