import { describe, expect, it } from 'vitest'
import { FORM_FIELDS, pointsText } from '@/desk/views/safety-risk/fields'

describe('safety risk forms', () => {
  it('asks for the columns of chengdu App. C Tables 3 and 4 in their order', () => {
    expect(FORM_FIELDS.activities.map((f) => f.key)).toEqual(['place', 'task', 'activity', 'steps', 'equipment', 'hazards'])
    expect(FORM_FIELDS.equipment.map((f) => f.key)).toEqual(['place', 'name', 'hazards', 'state'])
    expect(FORM_FIELDS.assessments.filter((f) => f.required).map((f) => f.key)).toEqual(['item', 'hazard'])
  })

  it('writes a zone as SVG polygon points', () => {
    expect(pointsText([[60, 60], [380.5, 60], [380.5, 300]])).toBe('60,60 380.5,60 380.5,300')
    expect(pointsText([])).toBe('')
  })
})
