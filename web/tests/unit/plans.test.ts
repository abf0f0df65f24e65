import { describe, expect, it } from 'vitest'
import type { ServicePlan } from '@/api/types'
import { blankPlan, blankTrainingRow, planCreate, planForm, planUpdate, syncItems } from '@/desk/views/services/plan/model'

const names = (id: number) => ({ name_zh: `类型${id}`, name_en: `Type ${id}` })

describe('the plan editor', () => {
  it('keeps what was written for an item while the chosen types change', () => {
    let items = syncItems([], [1, 2], names)
    items[0].measures = '查阅台账'
    items = syncItems(items, [2, 1, 3], names)
    expect(items.map((i) => i.service_type_id)).toEqual([2, 1, 3])
    expect(items[1]).toMatchObject({ service_type_id: 1, name_zh: '类型1', measures: '查阅台账' })
    expect(syncItems(items, [3], names).map((i) => i.service_type_id)).toEqual([3])
  })

  it('sends trimmed text, every training column, and the parties only when creating', () => {
    const form = blankPlan(2026)
    Object.assign(form, { enterprise_id: 4, agency_org_id: 5, enterprise_overview: ' 铸造企业 ' })
    form.items = syncItems([], [1], names)
    form.items[0].frequency = ' 每年 1 次 '
    form.training_plan = [{ ...blankTrainingRow(), topic: ' 危废管理 ', audience: '车间主任' }]
    const update = planUpdate(form)
    expect(update).toMatchObject({
      enterprise_overview: '铸造企业',
      items: [{ service_type_id: 1, measures: '', frequency: '每年 1 次', expected_results: '' }],
      training_plan: [{ topic: '危废管理', audience: '车间主任', form: '', kind: '', materials: '', time: '' }],
      policy_id: null,
    })
    expect(update).not.toHaveProperty('enterprise_id')
    expect(planCreate(form)).toMatchObject({ enterprise_id: 4, year: 2026, agency_org_id: 5 })
  })

  it('edits a stored plan as it stands', () => {
    const plan = {
      id: 7,
      enterprise: { id: 4, name: '太湖' },
      year: 2026,
      agency: { id: 5, name: '环科' },
      insurer: null,
      policy: { id: 9, policy_number: 'P-9' },
      status: 'returned',
      enterprise_overview: '概况',
      facilities_and_processes: '',
      accident_history: '无',
      items: [{ service_type: { id: 1, version_id: 3, version: 2, code: 'a', name_zh: '评估', name_en: 'Assessment', upload_working_days: 5 }, measures: 'm', frequency: 'f', expected_results: 'r' }],
      training_plan: [{ topic: '应急演练' }],
      staff: [{ id: 1, name: '陈专家', kind: 'expert', title_level: 'senior' }],
      safeguards: '',
      notes: '',
      return_comments: '请补充培训',
      created_at: '',
      updated_at: '',
      agreed_at: null,
      actions: ['edit', 'propose'],
    } satisfies ServicePlan
    const form = planForm(plan)
    expect(form).toMatchObject({ policy_id: 9, insurer_org_id: undefined, staff_ids: [1], items: [{ service_type_id: 1, name_zh: '评估', measures: 'm' }] })
    expect(form.training_plan[0]).toEqual({ topic: '应急演练', audience: '', form: '', kind: '', materials: '', time: '' })
  })
})
