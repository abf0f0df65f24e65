import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import localeData from 'dayjs/plugin/localeData'
import updateLocale from 'dayjs/plugin/updateLocale'

/**
 * Weeks start on Monday in every language (as Chinese calendars print them). Element Plus lays out
 * el-calendar by dayjs's global locale and its date pickers by the locale of the language shown
 * (zh-cn or en), so both get weekStart 1; importing this module once, before the app mounts, is enough.
 */
dayjs.extend(updateLocale)
dayjs.extend(localeData)
for (const locale of ['en', 'zh-cn']) dayjs.updateLocale(locale, { weekStart: 1 })

/** The first day of the week the pickers and calendars use: 0 Sunday, 1 Monday. */
export function firstDayOfWeek(locale: 'en' | 'zh-cn'): number {
  return dayjs().locale(locale).localeData().firstDayOfWeek()
}
