import { describe, expect, it } from 'vitest'
import { dayMarks, monthWeeks, readArrangementFile } from '@/desk/views/system/calendar/calendar-grid'
import { datesProblem } from '@/desk/views/system/calendar/rules'

// 2026 春节 as the official notice has it: off Sun 02-15 … Mon 02-23, worked Sat 02-14 and Sat 02-28.
const spring2026 = {
  holidays: [{ name: '春节', dates: ['2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23'] }],
  working_days: [{ name: '春节', dates: ['2026-02-14', '2026-02-28'] }],
}

describe('month grids of the working-day calendar', () => {
  it('lays February 2026 out Monday first with days off and 调休 days marked', () => {
    const weeks = monthWeeks(2026, 2, dayMarks(spring2026))
    // 2026-02-01 is a Sunday: six empty places before it; 28 days end on a Saturday, one empty place after.
    expect(weeks).toHaveLength(5)
    expect(weeks[0].slice(0, 6)).toEqual([null, null, null, null, null, null])
    expect(weeks[0][6]).toMatchObject({ date: '2026-02-01', kind: 'weekend' })
    expect(weeks[1][0]).toMatchObject({ date: '2026-02-02', kind: 'weekday' })
    expect(weeks[2][5]).toMatchObject({ date: '2026-02-14', kind: 'workday', name: '春节' })
    expect(weeks[3][1]).toMatchObject({ date: '2026-02-17', kind: 'holiday', name: '春节' })
    expect(weeks[4][5]).toMatchObject({ date: '2026-02-28', kind: 'workday' })
    expect(weeks[4][6]).toBeNull()
  })

  it('knows leap years and months starting on a Monday', () => {
    const weeks = monthWeeks(2024, 2, new Map())
    expect(weeks.flat().filter(Boolean)).toHaveLength(29)
    // 2024-01-01 was a Monday
    expect(monthWeeks(2024, 1, new Map())[0][0]).toMatchObject({ date: '2024-01-01', day: 1, kind: 'weekday' })
  })
})

describe('a calendar JSON file', () => {
  it('reads the format of the official files', () => {
    const text = JSON.stringify({ year: 2026, notice: '国务院办公厅通知', ...spring2026 })
    expect(readArrangementFile(text)).toEqual({
      notice: '国务院办公厅通知',
      holidays: [{ name: '春节', name_en: '', dates: spring2026.holidays[0].dates }],
      working_days: [{ name: '春节', name_en: '', dates: ['2026-02-14', '2026-02-28'] }],
    })
  })

  it('refuses what is not one', () => {
    expect(readArrangementFile('{')).toBeNull()
    expect(readArrangementFile('[]')).toBeNull()
    expect(readArrangementFile(JSON.stringify({ notice: 'x', holidays: [] }))).toBeNull()
    expect(readArrangementFile(JSON.stringify({ notice: 'x', holidays: [{ name: 'a' }], working_days: [] }))).toBeNull()
  })
})

describe('the dates of a correction', () => {
  it('must be in the year, and 调休 days must be weekends', () => {
    expect(datesProblem([], 2026, 'holiday')).toBe('calendar.rules.noDates')
    expect(datesProblem(['2025-10-01'], 2026, 'holiday')).toBe('calendar.rules.wrongYear')
    expect(datesProblem(['2026-10-09'], 2026, 'workday')).toBe('calendar.rules.notWeekend') // a Friday
    expect(datesProblem(['2026-10-10', '2026-09-20'], 2026, 'workday')).toBeNull() // Saturday, Sunday
    expect(datesProblem(['2026-10-09'], 2026, 'holiday')).toBeNull()
  })
})
