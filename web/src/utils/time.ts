import { madeOnFirstUse } from './first-use'

/** A formatter in Asia/Shanghai, made on first use (its time zone's data loads with it). */
function lazyFormatter(options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  return madeOnFirstUse(() => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', ...options }))
}

const formatter = lazyFormatter({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false })

/** Server times are UTC ISO-8601; people read them in Asia/Shanghai as "YYYY-MM-DD HH:mm:ss". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : formatter().format(date)
}

/** A Date as the server's UTC format, without milliseconds: 2026-11-22T07:13:14Z. */
export function toApiTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z')
}

const dayFormatter = lazyFormatter({ year: 'numeric', month: '2-digit', day: '2-digit' })

/** A day as the API's date ("YYYY-MM-DD") in China time; today by default. */
export function chinaDate(date: Date = new Date()): string {
  return dayFormatter().format(date)
}

/** The day `days` after the date "YYYY-MM-DD" (calendar arithmetic, no time zone involved). */
export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`)
  date.setUTCDate(date.getUTCDate() + days)
  return date.toISOString().slice(0, 10)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The device's local time with its zone, as the server takes an edit time: 2026-06-01T10:05:07+08:00. */
export function isoWithZone(date: Date): string {
  const offset = -date.getTimezoneOffset()
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return `${day}T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}${zone}`
}
