const formatter = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
})

/** Server times are UTC ISO-8601; people read them in Asia/Shanghai as "YYYY-MM-DD HH:mm:ss". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatter.format(date)
}

/** A Date as the server's UTC format, without milliseconds: 2026-11-22T07:13:14Z. */
export function toApiTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}
