import dayjs from 'dayjs'
import { describe, expect, it } from 'vitest'
import { firstDayOfWeek } from '@/app/week-start'

describe('weeks start on Monday', () => {
  it('in both languages of the date pickers', () => {
    expect(firstDayOfWeek('zh-cn')).toBe(1)
    expect(firstDayOfWeek('en')).toBe(1)
  })

  it('for el-calendar, which reads the global locale', () => {
    expect(dayjs.localeData().firstDayOfWeek()).toBe(1)
  })
})
