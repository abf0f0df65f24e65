import { describe, expect, it } from 'vitest'
import type { EnvSubstance } from '@/api/envRisk'
import { emptyForm, evaluateBody, newLine, pickSubstance } from '@/envrisk/quick-form'

const ammonia: EnvSubstance = { id: 7, name: '氨', cas: '7664-41-7', critical_t: 5, part: '1|2', physical_state: 'gas', source: 'HJ 169-2018 表B.1', air: true, water: true }
const benzene: EnvSubstance = { id: 9, name: '苯', cas: '71-43-2', critical_t: 10, part: '3', physical_state: 'liquid', source: 'HJ 169-2018 表B.1', air: true, water: false }

describe('在线速算 request body', () => {
  it('an empty form asks with no substances, no units and every receptor answer false', () => {
    const body = evaluateBody(emptyForm())
    expect(body.substances).toEqual([])
    expect(body.process_units).toEqual([])
    expect(body.air_receptors).toEqual({ special_zone_5km: false })
    expect(body.water_receptors).toEqual({
      drinking_water_zone_10km: false,
      national_border_24h: false,
      sensitive_area_10km: false,
      provincial_border_24h: false,
      karst_or_flood_area: false,
    })
    expect(body.penalised_last_3_years).toBe(false)
  })

  it('sends complete substance lines only, with the marks the table gave or the user changed', () => {
    const form = emptyForm()
    const picked = newLine()
    pickSubstance(picked, benzene)
    picked.quantity_t = 12.5
    picked.share = 0.4
    const noQuantity = newLine()
    pickSubstance(noQuantity, ammonia)
    const noSubstance = newLine()
    noSubstance.quantity_t = 3
    const changed = newLine()
    pickSubstance(changed, ammonia)
    changed.quantity_t = 10
    changed.water = false
    form.substances.push(picked, noQuantity, noSubstance, changed)
    expect(evaluateBody(form).substances).toEqual([
      { substance_id: 9, quantity_t: 12.5, share: 0.4, air: true, water: false },
      { substance_id: 7, quantity_t: 10, share: 1, air: true, water: false },
    ])
  })

  it('sends processes with units and the receptor numbers given', () => {
    const form = emptyForm()
    form.process_units = { 硝化: 2, 氯化: 0 }
    form.people_5km = 52000
    form.people_500m = 0
    form.special_zone_5km = true
    const body = evaluateBody(form)
    expect(body.process_units).toEqual([{ process: '硝化', count: 2 }])
    expect(body.air_receptors).toEqual({ special_zone_5km: true, people_5km: 52000, people_500m: 0 })
  })
})
