import { describe, expect, it } from 'vitest'
import { decidesCommissions, notificationTarget } from '@/desk/layout/notification-target'
import { splitEnterpriseErrors } from '@/desk/views/services/commission/errors'
import { commissionProgress } from '@/desk/views/services/commission/progress'
import { inboxFiltersFrom } from '@/desk/views/services/commission-inbox/useInbox'
import { deadlineObjectPath } from '@/desk/views/services/deadline/useDeadlines'
import { dueState, dueText, ruleText } from '@/utils/working-days'

const counts = (partial: Partial<Record<string, number>>) => ({
  pending: 0,
  accepted: 0,
  declined: 0,
  cancel_requested: 0,
  cancelled: 0,
  withdrawn: 0,
  completed: 0,
  ...partial,
})

/** A translate that shows the key and its values, so the tests see which message was chosen. */
const t = (key: string, values?: Record<string, unknown>) => (values ? `${key}(${Object.values(values).join(',')})` : key)

describe('dueState', () => {
  it('is green ahead, amber within two working days and on the day, red once overdue', () => {
    expect(dueState(29)).toEqual({ kind: 'left', days: 29, tone: 'success' })
    expect(dueState(3)).toEqual({ kind: 'left', days: 3, tone: 'success' })
    expect(dueState(2)).toEqual({ kind: 'left', days: 2, tone: 'warning' })
    expect(dueState(0)).toEqual({ kind: 'today', days: 0, tone: 'warning' })
    expect(dueState(-6, true)).toEqual({ kind: 'overdue', days: 6, tone: 'danger' })
  })

  it('trusts the overdue flag when the due day passed only by days off', () => {
    expect(dueState(0, true)).toEqual({ kind: 'overdue', days: 0, tone: 'danger' })
    expect(dueText(t, dueState(0, true))).toBe('due.overdue')
  })

  it('says how many working days are left or past', () => {
    expect(dueText(t, dueState(5))).toBe('due.left(5)')
    expect(dueText(t, dueState(0))).toBe('due.today')
    expect(dueText(t, dueState(-2, true))).toBe('due.overdueDays(2)')
  })
})

describe('ruleText', () => {
  it('names the amount, its unit and where the rule comes from', () => {
    expect(ruleText(t, { amount: 5, unit: 'working_days', basis: 'wuxi att.1 一(一)7' })).toBe('due.workingDays(5) · 无锡指南 附件1 一（一）7')
    expect(ruleText(t, { amount: 60, unit: 'calendar_days', basis: 'wuxi §15(二)' })).toBe('due.calendarDays(60) · 无锡指南 第十五条（二）')
    expect(ruleText(t, { amount: 60, unit: 'calendar_days', basis: 'wuxi §15(二)' }, 'en')).toBe('due.calendarDays(60) · Wuxi guide Art. 15(2)')
    expect(ruleText(t, { amount: 7, unit: 'working_days', basis: '' })).toBe('due.workingDays(7)')
  })
})

describe('commissionProgress', () => {
  it('orders done, open and closed statuses and leaves out empty ones', () => {
    const progress = commissionProgress(counts({ completed: 1, accepted: 4, pending: 3, cancel_requested: 1, declined: 1 }))
    expect(progress.total).toBe(10)
    expect(progress.taken).toBe(5)
    expect(progress.waiting).toBe(4)
    expect(progress.segments.map((s) => [s.status, s.count, s.percent])).toEqual([
      ['completed', 1, 10],
      ['accepted', 4, 40],
      ['pending', 3, 30],
      ['cancel_requested', 1, 10],
      ['declined', 1, 10],
    ])
  })

  it('rounds shares to one decimal and handles an empty commission', () => {
    expect(commissionProgress(counts({ pending: 1, accepted: 2 })).segments.map((s) => s.percent)).toEqual([66.7, 33.3])
    expect(commissionProgress(counts({}))).toEqual({ total: 0, taken: 0, waiting: 0, segments: [] })
  })
})

describe('splitEnterpriseErrors', () => {
  it('names each refused enterprise', () => {
    const names = new Map([[10, '无锡市金属热处理有限公司'], [5, '无锡市江南涂料有限公司']])
    const result = splitEnterpriseErrors(
      [
        { field: 'enterprise_ids[1]', code: 'already_commissioned', message: '已有进行中的委托', message_en: 'already' },
        { field: 'enterprise_ids[2]', code: 'not_insured', message: '没有在保保单', message_en: 'not insured' },
        { field: 'agency_org_id', code: 'unknown_agency', message: '机构不存在', message_en: 'no agency' },
      ],
      [10, 5, 99],
      names,
    )
    expect(result.enterprises).toEqual([
      { id: 5, name: '无锡市江南涂料有限公司', code: 'already_commissioned', message: '已有进行中的委托' },
      { id: 99, name: '#99', code: 'not_insured', message: '没有在保保单' },
    ])
    expect(result.fields.map((f) => [f.field, f.message])).toEqual([['agency_org_id', '机构不存在']])
  })

  it('leaves other errors alone', () => {
    const errors = [{ field: 'service_type_ids', code: 'required', message: '必填', message_en: 'required' }]
    expect(splitEnterpriseErrors(errors, [], new Map())).toEqual({ enterprises: [], fields: errors })
  })
})

describe('where things lead', () => {
  it('sends an agency lead to the inbox and an insurer to the commission', () => {
    expect(notificationTarget({ object_type: 'commission', object_id: 3 }, true)).toBe('/commission-inbox?commission_id=3')
    expect(notificationTarget({ object_type: 'commission', object_id: 3 }, false)).toBe('/commissions/3')
    expect(notificationTarget({ object_type: 'commission_item', object_id: 7 }, false)).toBe('/commission-items/7')
    expect(notificationTarget({ object_type: 'visit', object_id: 1 }, false)).toBe('/visits/1')
    expect(notificationTarget({ object_type: 'service_plan', object_id: 2 }, true)).toBe('/service-plans/2')
    expect(notificationTarget({ object_type: '', object_id: null }, true)).toBeNull()
    expect(notificationTarget({ object_type: 'hazard', object_id: 4 }, true)).toBeNull()
  })

  it('treats only those who decide but do not send commissions as the agency', () => {
    const holding = (...perms: string[]) => (wanted: readonly string[]) => wanted.every((p) => perms.includes(p))
    expect(decidesCommissions(holding('commission:read', 'commission:decide'))).toBe(true)
    expect(decidesCommissions(holding('commission:read', 'commission:decide', 'commission:write'))).toBe(false)
    expect(decidesCommissions(holding('commission:read', 'commission:write'))).toBe(false)
  })

  it('links a deadline to its visit or commission item', () => {
    expect(deadlineObjectPath({ object_type: 'visit', object_id: 6 })).toBe('/visits/6')
    expect(deadlineObjectPath({ object_type: 'archive_document', object_id: 9, enterprise: { id: 4 } })).toBe('/enterprises/4')
    expect(deadlineObjectPath({ object_type: 'commission_item', object_id: 5 })).toBe('/commission-items/5')
  })
})

describe('inboxFiltersFrom', () => {
  it('shows pending items unless the link asks for another status or commission', () => {
    expect(inboxFiltersFrom({})).toEqual({ q: '', status: 'pending', overdue: undefined, commission_id: undefined })
    expect(inboxFiltersFrom({ commission_id: '4', status: 'cancel_requested' })).toMatchObject({ status: 'cancel_requested', commission_id: 4 })
    expect(inboxFiltersFrom({ commission_id: 'x', status: 'nonsense' })).toMatchObject({ status: 'pending', commission_id: undefined })
  })
})
