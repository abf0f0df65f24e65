import { describe, expect, it } from 'vitest'
import { serviceTypeGroups } from '@/desk/components/service-type-groups'
import { insuranceTypesOf, policiesEndingBeforeDue, policyPerEnterprise } from '@/desk/views/services/commission/insured'

const policy = (id: number, enterprise: number, starts: string, ends: string, type: 'environmental' | 'work_safety' = 'environmental') => ({
  id,
  enterprise_id: enterprise,
  enterprise_name: `企业${enterprise}`,
  insurance_type: type,
  starts_on: starts,
  ends_on: ends,
})

describe('the policy an enterprise is commissioned under', () => {
  it('is the latest to start, the later id on the same day (as the server picks it)', () => {
    const found = policyPerEnterprise([
      policy(1, 7, '2026-01-01', '2026-12-31'),
      policy(5, 7, '2026-03-01', '2026-07-15', 'work_safety'),
      policy(4, 8, '2026-02-01', '2027-01-31'),
      policy(6, 8, '2026-02-01', '2026-08-31'),
    ])
    expect(found.get(7)).toEqual({ enterpriseId: 7, enterpriseName: '企业7', insuranceType: 'work_safety', endsOn: '2026-07-15' })
    expect(found.get(8)?.endsOn).toBe('2026-08-31')
  })

  it('gives the insurance types of the chosen enterprises, each once', () => {
    const found = policyPerEnterprise([policy(1, 1, '2026-01-01', '2026-12-31'), policy(2, 2, '2026-01-01', '2026-12-31', 'work_safety'), policy(3, 3, '2026-01-01', '2026-12-31')])
    expect(insuranceTypesOf([], found)).toEqual([])
    expect(insuranceTypesOf([3, 1], found)).toEqual(['environmental'])
    expect(insuranceTypesOf([1, 2, 3], found)).toEqual(['environmental', 'work_safety'])
  })
})

describe('a due date past the policy end', () => {
  const found = policyPerEnterprise([
    policy(1, 1, '2026-01-01', '2026-07-30'),
    policy(2, 2, '2026-01-01', '2026-07-31'),
    policy(3, 3, '2026-01-01', '2026-12-31'),
  ])

  it('is warned for the enterprises whose policy ends before the earliest due day (today + 60 days)', () => {
    const { due, ending } = policiesEndingBeforeDue('2026-06-01', [1, 2, 3], found)
    expect(due).toBe('2026-07-31')
    expect(ending.map((p) => p.enterpriseId)).toEqual([1])
  })

  it('is not warned for enterprises not chosen', () => {
    expect(policiesEndingBeforeDue('2026-06-01', [2, 3], found).ending).toEqual([])
  })
})

describe('the service picker of a commission', () => {
  const type = (id: number, source: string, insurance: string, name: string) => ({
    id,
    source,
    insurance_type: insurance,
    class_code: `${source}.c`,
    class_name_zh: `${source}类`,
    class_name_en: `${source} class`,
    name_zh: name,
    name_en: `en-${name}`,
  })
  const catalog = [
    type(1, 'wuxi', 'environmental', '环责险风险评估'),
    type(2, 'chengdu', 'work_safety', '安全生产培训'),
    type(3, 'xuzhou', 'environmental', '环保状况调查'),
    type(4, 'wuxi', 'environmental', '废水专项排查'),
    type(5, 'guilin', 'park_hosting', '园区托管'),
  ] as Parameters<typeof serviceTypeGroups>[0]
  const sourceLabel = (source: string) => ({ wuxi: '无锡环责险', chengdu: '成都安责险', xuzhou: '徐州第三方', guilin: '桂林园区托管' })[source] ?? source

  it('offers only types of the policies\' insurance types, grouped by source in catalog order', () => {
    const groups = serviceTypeGroups(catalog, { insuranceTypes: ['environmental'], groupBy: 'source', english: false, sourceLabel })
    expect(groups.map((g) => [g.label, g.options.map((o) => o.label)])).toEqual([
      ['无锡环责险', ['环责险风险评估', '废水专项排查']],
      ['徐州第三方', ['环保状况调查']],
    ])
  })

  it('offers every type while no enterprise is chosen, grouped by class elsewhere', () => {
    expect(serviceTypeGroups(catalog, { insuranceTypes: [], groupBy: 'source', english: false, sourceLabel }).flatMap((g) => g.options)).toHaveLength(5)
    const byClass = serviceTypeGroups(catalog, { groupBy: 'class', english: true, sourceLabel })
    expect(byClass.map((g) => g.label)).toEqual(['wuxi class', 'chengdu class', 'xuzhou class', 'guilin class'])
    expect(byClass[0].options.map((o) => o.label)).toEqual(['en-环责险风险评估', 'en-废水专项排查'])
  })
})
