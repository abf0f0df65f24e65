import { describe, expect, it } from 'vitest'
import type { HazardCategoryEntry, HazardDeadline } from '@/api/types'
import { buildMenu, type MenuItem } from '@/desk/router/menu'
import { layoutRoutes } from '@/desk/router/routes'
import { categoryLabel, deadlineView, emptyDraft, findingEdits, ledgerScope, STEP_FORM, stepBody, stepButtons } from '@/desk/views/hazards/model'
import { hazardQuery } from '@/desk/views/hazards/hazard/useHazards'
import { issuableKinds, listsProblems, NOTICE_FIELDS, noticeDraft, noticePatch } from '@/desk/views/hazards/notice/model'

const deadline = (over: Partial<HazardDeadline>): HazardDeadline => ({
  due_on: '2026-06-10',
  amount: 5,
  unit: 'working_days',
  overdue: false,
  working_days_overdue: null,
  working_days_left: 3,
  ...over,
})

describe('hazard step buttons', () => {
  it('shows the server\'s steps in button order and leaves out editing and steps it does not know', () => {
    expect(stepButtons(['comment', 'edit', 'set_deadline', 'notify', 'close_on_recheck', 'fly'])).toEqual(['notify', 'set_deadline', 'comment'])
    expect(stepButtons(['reject_evidence', 'verify'])).toEqual(['verify', 'reject_evidence'])
    expect(stepButtons([])).toEqual([])
  })

  it('maps every step to its form', () => {
    expect(STEP_FORM).toEqual({
      notify: 'deadline',
      set_deadline: 'deadline',
      submit_plan: 'plan',
      accept_plan: 'optionalReason',
      return_plan: 'reason',
      add_progress: 'progress',
      submit_evidence: 'evidence',
      verify: 'acceptance',
      reject_evidence: 'reason',
      comment: 'reason',
    })
  })
})

describe('hazard step bodies', () => {
  it('notify sends working days or a date, never both, and a note only when written', () => {
    const days = { ...emptyDraft(), deadlineDays: 10, dueOn: '2026-07-01' }
    expect(stepBody('notify', days)).toEqual({ deadline_days: 10, reason: undefined })
    const date = { ...emptyDraft(), deadlineMode: 'date' as const, deadlineDays: 10, dueOn: '2026-07-01', text: ' 见预警提示单 ' }
    expect(stepBody('set_deadline', date)).toEqual({ due_on: '2026-07-01', reason: '见预警提示单' })
  })

  it('submit_plan sends Table 9\'s measures, deadline, responsible person and funds', () => {
    const draft = { ...emptyDraft(), measures: ' 加装切换阀 ', dueOn: '2026-06-30', responsible: ' 钱安环 ', funds: 28000.5 }
    expect(stepBody('submit_plan', draft)).toEqual({ measures: '加装切换阀', due_on: '2026-06-30', responsible: '钱安环', funds: 28000.5 })
    expect(stepBody('submit_plan', { ...draft, funds: undefined })).toEqual({ measures: '加装切换阀', due_on: '2026-06-30', responsible: '钱安环', funds: undefined })
  })

  it('a reason is required text; accepting a plan may go without one', () => {
    expect(stepBody('return_plan', { ...emptyDraft(), text: ' 措施不具体 ' })).toEqual({ reason: '措施不具体' })
    expect(stepBody('comment', { ...emptyDraft(), text: '请加快' })).toEqual({ reason: '请加快' })
    expect(stepBody('accept_plan', { ...emptyDraft(), text: '  ' })).toEqual({ reason: undefined })
  })

  it('progress, evidence and acceptance carry their photos', () => {
    const draft = { ...emptyDraft(), text: ' 已安装 ', photos: [7, 9] }
    expect(stepBody('add_progress', draft)).toEqual({ note: '已安装', photos: [7, 9] })
    expect(stepBody('submit_evidence', draft)).toEqual({ description: '已安装', photos: [7, 9] })
    expect(stepBody('verify', { ...draft, acceptedBy: '陈专家', acceptedOn: '' })).toEqual({ result: '已安装', accepted_by: '陈专家', accepted_on: undefined, photos: [7, 9] })
    // the body holds a copy: a later change of the draft does not reach a request already made
    const body = stepBody('submit_evidence', draft)
    draft.photos.push(11)
    expect(body.photos).toEqual([7, 9])
  })
})

describe('hazard deadline labels', () => {
  it('reads working days left, the due day and overdue days from the server\'s counts', () => {
    expect(deadlineView('notified', deadline({}))).toEqual({ kind: 'due', dueOn: '2026-06-10', state: { kind: 'left', days: 3, tone: 'success' } })
    expect(deadlineView('rectifying', deadline({ working_days_left: 2 }))).toMatchObject({ state: { kind: 'left', days: 2, tone: 'warning' } })
    expect(deadlineView('rectifying', deadline({ working_days_left: 0 }))).toMatchObject({ state: { kind: 'today', tone: 'warning' } })
    expect(deadlineView('notified', deadline({ overdue: true, working_days_left: null, working_days_overdue: 4 }))).toMatchObject({
      state: { kind: 'overdue', days: 4, tone: 'danger' },
    })
  })

  it('has no deadline before one is set, and none once closed', () => {
    expect(deadlineView('found', null)).toEqual({ kind: 'none' })
    expect(deadlineView('verified_closed', deadline({ overdue: true, working_days_overdue: 2 }))).toEqual({ kind: 'closed' })
  })
})

describe('hazard categories', () => {
  const categories: HazardCategoryEntry[] = [
    {
      value: 'env.emergency_management',
      zh: '环境应急管理类',
      en: 'Environmental emergency management',
      domain: 'environment',
      source: 'wuxi',
      subs: [{ value: 'env.emergency_management.plan', zh: '环境应急预案', en: 'Emergency plan' }],
    },
  ]

  it('labels the class and sub-class in the language shown; free text and unknown codes stay as they are', () => {
    expect(categoryLabel(categories, 'env.emergency_management', 'env.emergency_management.plan')).toBe('环境应急管理类 / 环境应急预案')
    expect(categoryLabel(categories, 'env.emergency_management', 'env.emergency_management.plan', true)).toBe('Environmental emergency management / Emergency plan')
    expect(categoryLabel(categories, 'env.emergency_management', '')).toBe('环境应急管理类')
    expect(categoryLabel(categories, 'env.emergency_management', '应急池')).toBe('环境应急管理类 / 应急池')
    expect(categoryLabel(categories, 'safety.people', '')).toBe('safety.people')
  })
})

describe('hazards from findings', () => {
  const findings = [
    { id: 1, grade: 'major', description: '未配备应急物资', suggestion: '配备物资' },
    { id: 2, grade: 'general', description: '台账不全', suggestion: '补齐台账' },
    { id: 3, grade: 'general', description: '标识缺失', suggestion: '' },
  ]

  it('sends per finding only what the inspector changed', () => {
    const drafts = [
      { finding_id: 1, grade: 'major' as const, description: '未配备应急物资', location: '', suggestion: '配备物资' },
      { finding_id: 2, grade: 'major' as const, description: ' 危废台账不全 ', location: ' 危废仓库 ', suggestion: '补齐台账' },
      { finding_id: 3, grade: 'general' as const, description: '', location: '', suggestion: '设置标识' },
    ]
    expect(findingEdits(findings, drafts)).toEqual([
      { finding_id: 2, grade: 'major', description: '危废台账不全', location: '危废仓库' },
      { finding_id: 3, suggestion: '设置标识' },
    ])
  })
})

describe('hazard list query and menu', () => {
  it('leaves unset filters and unticked boxes out of the query', () => {
    expect(hazardQuery({ status: undefined, grade: 'major', domain: undefined, enterprise_id: null, region_id: 7, overdue: false, escalated: true })).toEqual({
      status: undefined,
      grade: 'major',
      domain: undefined,
      enterprise_id: undefined,
      region_id: 7,
      overdue: undefined,
      escalated: true,
    })
  })

  const names = (menu: MenuItem[]): string[] => menu.flatMap((item) => [item.name, ...names(item.children)])
  const menuFor = (held: string[]) => names(buildMenu(layoutRoutes, (perms = []) => perms.every((p) => held.includes(p))))

  it('gives every party the hazards and only regulators who comment the escalations', () => {
    expect(menuFor(['profile', 'enterprise:self', 'hazard:read', 'hazard:rectify'])).toEqual(['home', 'enterprise', 'rectification', 'hazards'])
    expect(menuFor(['profile', 'hazard:read', 'hazard:comment'])).toEqual(['home', 'rectification', 'hazards', 'hazard-escalations'])
    expect(menuFor(['profile', 'hazard:read', 'hazard:manage'])).not.toContain('hazard-escalations')
  })
})

describe('notice drafts', () => {
  const stored = {
    staff: '陈专家',
    visited_on: null,
    deadline_days: 10,
    period: '',
    law: '',
    check_items: ['排污许可', '危废管理'],
    problems: [{ description: '雨水排口无截流', basis: '', suggestion: '加装切换阀' }],
  }

  it('prints the seed form\'s fields per kind: att.2 the staff, day and days; B.1 the area and what is checked', () => {
    expect(NOTICE_FIELDS.warning).toEqual(['staff', 'visited_on', 'deadline_days'])
    expect(NOTICE_FIELDS.reminder).toEqual([])
    expect(NOTICE_FIELDS.inspection).toContain('check_items')
    expect(listsProblems('rectification') && listsProblems('warning') && !listsProblems('reminder') && !listsProblems('inspection')).toBe(true)
  })

  it('a warning sends its fields, hazards and problems; an empty day clears it', () => {
    const draft = noticeDraft(stored, [4, 5])
    draft.staff = ' 陈专家、刘技术 '
    draft.problems.push({ description: '  ', basis: '', suggestion: '' })
    expect(noticePatch('warning', draft)).toEqual({
      staff: '陈专家、刘技术',
      visited_on: null,
      deadline_days: 10,
      hazard_ids: [4, 5],
      problems: [{ description: '雨水排口无截流', basis: '', suggestion: '加装切换阀' }],
    })
    // the draft holds copies: editing it leaves the stored notice as it was
    expect(stored.problems).toHaveLength(1)
  })

  it('an inspection announcement sends its check items one a line and no hazards', () => {
    const draft = noticeDraft(stored, [])
    expect(draft.check_items).toBe('排污许可\n危废管理')
    draft.check_items = '排污许可\n\n 危废管理 \n噪声'
    expect(noticePatch('inspection', draft)).toEqual({ area: '', contractor: '', check_items: ['排污许可', '危废管理', '噪声'], contact: '', phone: '' })
  })

  it('offers each organization the kinds the server lets it issue', () => {
    expect(issuableKinds('agency')).toEqual(['warning', 'reminder', 'rectification'])
    expect(issuableKinds('park')).toEqual(['rectification', 'inspection'])
    expect(issuableKinds('enterprise')).toEqual([])
  })
})

describe('hazard ledger scope', () => {
  const agency = { orgType: 'agency', orgId: 3 }
  it('exports the enterprise or region chosen first, else the user\'s own enterprise or agency', () => {
    expect(ledgerScope({ enterprise_id: 5, region_id: 9 }, agency, null)).toEqual({ enterprise_id: 5 })
    expect(ledgerScope({ enterprise_id: null, region_id: 9 }, agency, null)).toEqual({ region_id: 9 })
    expect(ledgerScope({}, agency, null)).toEqual({ agency_org_id: 3 })
    expect(ledgerScope({}, { orgType: 'enterprise', orgId: 8 }, 12)).toEqual({ enterprise_id: 12 })
  })

  it('has none for an insurer or regulator who chose neither, or an enterprise with no hazards listed', () => {
    expect(ledgerScope({}, { orgType: 'regulator', orgId: 2 }, null)).toBeNull()
    expect(ledgerScope({ enterprise_id: undefined }, { orgType: 'insurer', orgId: 4 }, 12)).toBeNull()
    expect(ledgerScope({}, { orgType: 'enterprise', orgId: 8 }, null)).toBeNull()
  })
})
