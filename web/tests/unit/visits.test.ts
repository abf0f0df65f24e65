import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, reactive } from 'vue'
import type { TeamCheckResult, Visit, VisitCreate } from '@/api/types'
import { blankVisit, leaderOf, teamCheckBody, visitCreate, visitForm } from '@/desk/views/services/visit/model'
import { groupByDay, teamText, visitDays, visitStep } from '@/utils/visits'
import { monthBounds, shiftDay, visibleRange, weekDays, weekStart, weekdayIndex } from '@/utils/weeks'

const checkTeam = vi.fn<(body: VisitCreate) => Promise<TeamCheckResult>>()
vi.mock('@/api/visits', () => ({ checkTeam: (body: VisitCreate) => checkTeam(body) }))
const { useTeamCheck } = await import('@/desk/views/services/visit/useTeamCheck')

function visit(overrides: Partial<Visit> = {}): Visit {
  return {
    id: 1,
    enterprise: { id: 4, name: '太湖精密铸造', business_address: '', scale: 'medium', risk_level: 'general' },
    agency: { id: 5, name: '环科' },
    commission_item_id: null,
    plan_id: null,
    planned_on: '2026-06-02',
    duration_days: 1,
    special_request: false,
    status: 'planned',
    not_entered_reason: '',
    status_note: '',
    notes: '',
    started_at: null,
    done_on: null,
    data_uploaded_on: null,
    reviewed_on: null,
    report_status: 'none',
    service_types: [{ id: 1, version_id: 1, version: 1, code: 'a', name_zh: '环责险风险评估', name_en: 'Assessment', upload_working_days: 5 }],
    team: [
      { staff_id: 3, name: '刘技术', kind: 'technician', title_level: 'intermediate', user_id: 13, leader: false },
      { staff_id: 1, name: '陈专家', kind: 'expert', title_level: 'senior', user_id: 11, leader: true },
    ],
    created_at: '',
    updated_at: '',
    actions: [],
    ...overrides,
  }
}


describe('week and month days', () => {
  it('starts weeks on Monday', () => {
    expect(weekdayIndex('2026-06-01')).toBe(0) // a Monday
    expect(weekdayIndex('2026-06-07')).toBe(6) // a Sunday
    expect(weekStart('2026-06-07')).toBe('2026-06-01')
    expect(weekStart('2026-01-01')).toBe('2025-12-29')
  })

  it('lists the seven days of a week, marking today and the weekend', () => {
    const week = weekDays('2026-06-03', '2026-06-01')
    expect(week.map((d) => d.day)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03', '2026-06-04', '2026-06-05', '2026-06-06', '2026-06-07'])
    expect(week.filter((d) => d.today).map((d) => d.day)).toEqual(['2026-06-01'])
    expect(week.filter((d) => d.weekend).map((d) => d.day)).toEqual(['2026-06-06', '2026-06-07'])
  })

  it('knows the bounds of a month, February of a leap year too', () => {
    expect(monthBounds('2026-06-17')).toEqual({ from: '2026-06-01', to: '2026-06-30' })
    expect(monthBounds('2028-02-10')).toEqual({ from: '2028-02-01', to: '2028-02-29' })
  })

  it('loads the days a calendar shows: the week, or the month with the grid\'s neighbours', () => {
    expect(visibleRange('week', '2026-06-03')).toEqual({ from: '2026-06-01', to: '2026-06-07' })
    expect(visibleRange('month', '2026-06-03')).toEqual({ from: '2026-05-26', to: '2026-07-06' })
  })

  it('steps by a week or to the first of the next or previous month, across years', () => {
    expect(shiftDay('week', '2026-12-29', 1)).toBe('2027-01-05')
    expect(shiftDay('month', '2026-01-31', -1)).toBe('2025-12-01')
    expect(shiftDay('month', '2026-01-31', 1)).toBe('2026-02-01')
  })
})

describe('visits by day', () => {
  it('puts a visit on every day it lasts', () => {
    expect(visitDays({ planned_on: '2026-06-30', duration_days: 2 })).toEqual(['2026-06-30', '2026-07-01'])
    const a = visit({ id: 1, planned_on: '2026-06-02' })
    const b = visit({ id: 2, planned_on: '2026-06-01', duration_days: 2 })
    const byDay = groupByDay([a, b])
    expect(byDay.get('2026-06-01')?.map((v) => v.id)).toEqual([2])
    expect(byDay.get('2026-06-02')?.map((v) => v.id)).toEqual([1, 2])
    expect(byDay.has('2026-06-03')).toBe(false)
  })

  it('names the team leader first', () => {
    expect(teamText(visit().team, (name) => `${name}（组长）`)).toBe('陈专家（组长）、刘技术')
    expect(teamText(visit().team, (name) => `${name} (leader)`, ', ')).toBe('陈专家 (leader), 刘技术')
  })
})

describe('where a visit stands', () => {
  it('shows where a visit left the happy path', () => {
    expect(visitStep('confirmed')).toEqual({ active: 1, failed: false })
    expect(visitStep('done')).toEqual({ active: 4, failed: false })
    expect(visitStep('could_not_enter', [{ from: 'planned' }, { from: 'confirmed' }])).toEqual({ active: 2, failed: true })
    expect(visitStep('cancelled', [])).toEqual({ active: 1, failed: true })
  })
})

describe('the visit form', () => {
  it('keeps the leader while on the team, else the first member leads', () => {
    expect(leaderOf([3, 1], 1)).toBe(1)
    expect(leaderOf([3, 4], 1)).toBe(3)
    expect(leaderOf([], 1)).toBeNull()
  })

  it('asks the team check only once the enterprise, service types and day are known', () => {
    const form = blankVisit()
    expect(teamCheckBody(form, false)).toBeNull()
    Object.assign(form, { enterprise_id: 4, service_type_ids: [1] })
    expect(teamCheckBody(form, false)).toBeNull()
    form.planned_on = '2026-06-02'
    expect(teamCheckBody(form, true)).toBeNull() // a platform admin names the agency too
    expect(teamCheckBody({ ...form, staff_ids: [4] }, false)).toMatchObject({ enterprise_id: 4, service_type_ids: [1], planned_on: '2026-06-02', staff_ids: [4], leader_staff_id: 4 })
  })

  it('edits a visit as it stands', () => {
    const form = visitForm(visit())
    expect(form).toMatchObject({ enterprise_id: 4, service_type_ids: [1], staff_ids: [3, 1], leader_staff_id: 1 })
    expect(visitCreate({ ...form, notes: ' 带安全帽 ' })).toMatchObject({ notes: '带安全帽', leader_staff_id: 1 })
  })
})

describe('the live team check', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    checkTeam.mockReset()
  })
  afterEach(() => vi.useRealTimers())

  const ok: TeamCheckResult = { satisfied: true, unmet: [], warnings: [] }
  const tooFew: TeamCheckResult = {
    satisfied: false,
    unmet: [{ field: 'staff_ids', code: 'too_few_people', message: '至少需要 2 名', message_en: 'at least 2' }],
    warnings: [],
  }

  function start(form: { body: VisitCreate | null }) {
    const scope = effectScope()
    const check = scope.run(() => useTeamCheck(() => form.body, 300))!
    return { check, stop: () => scope.stop() }
  }

  it('waits until the form is complete, then asks once per pause in editing', async () => {
    const form = reactive<{ body: VisitCreate | null }>({ body: null })
    checkTeam.mockResolvedValue(ok)
    const { check, stop } = start(form)
    await vi.advanceTimersByTimeAsync(1000)
    expect(checkTeam).not.toHaveBeenCalled()
    expect(check.result.value).toBeNull()

    form.body = { enterprise_id: 4, service_type_ids: [1], planned_on: '2026-06-02', staff_ids: [4] }
    await nextTick()
    form.body = { ...form.body, staff_ids: [4, 1] }
    await nextTick()
    expect(check.checking.value).toBe(true)
    await vi.advanceTimersByTimeAsync(300)
    expect(checkTeam).toHaveBeenCalledTimes(1)
    expect(checkTeam.mock.calls[0][0].staff_ids).toEqual([4, 1])
    expect(check.result.value).toEqual(ok)
    expect(check.checking.value).toBe(false)
    stop()
  })

  it('drops the answer to a team that has changed since', async () => {
    const form = reactive<{ body: VisitCreate | null }>({ body: { enterprise_id: 4, service_type_ids: [1], planned_on: '2026-06-02', staff_ids: [4] } })
    let answerFirst!: (r: TeamCheckResult) => void
    checkTeam.mockImplementationOnce(() => new Promise((resolve) => (answerFirst = resolve))).mockResolvedValueOnce(ok)
    const { check, stop } = start(form)
    await vi.advanceTimersByTimeAsync(300) // the first request is in flight
    form.body = { ...form.body!, staff_ids: [1, 3] }
    await nextTick()
    await vi.advanceTimersByTimeAsync(300)
    expect(check.result.value).toEqual(ok)
    answerFirst(tooFew) // the old answer arrives last
    await vi.advanceTimersByTimeAsync(0)
    expect(check.result.value).toEqual(ok)
    stop()
  })

  it('shows the other problems the server finds instead of a result', async () => {
    const { ApiError } = await import('@/api/http')
    checkTeam.mockRejectedValue(new ApiError(422, 'validation_failed', '请求有误', [{ field: 'plan_id', code: 'unknown_plan', message: '服务方案不存在', message_en: 'no such plan' }]))
    const form = reactive<{ body: VisitCreate | null }>({ body: { enterprise_id: 4, service_type_ids: [1], planned_on: '2026-06-02', plan_id: 99 } })
    const { check, stop } = start(form)
    await vi.advanceTimersByTimeAsync(300)
    expect(check.result.value).toBeNull()
    expect(check.problems.value).toEqual(['服务方案不存在'])
    stop()
  })
})
