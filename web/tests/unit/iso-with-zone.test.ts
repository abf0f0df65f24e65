import { describe, expect, it } from 'vitest'
import { isoWithZone } from '@/utils/time'

describe('isoWithZone', () => {
  it('writes the device time with its zone, naming the same instant (to the second)', () => {
    const date = new Date('2026-06-01T02:05:07.890Z')
    const text = isoWithZone(date)
    expect(text).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/)
    expect(Date.parse(text)).toBe(Date.parse('2026-06-01T02:05:07Z'))
  })
})
