import { describe, expect, it } from 'vitest'
import { auditEntityLabel, auditFilters } from '@/desk/views/system/audit/useAudit'
import en from '@/i18n/locales/en'
import zhCN from '@/i18n/locales/zh-CN'

/** A t() over one message file, as vue-i18n resolves dotted keys. */
function translator(messages: object) {
  return (key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messages) as string
}

describe('audit entity kinds', () => {
  // every entity written by audit::record / record_update / record_status_change in src/
  it.each([
    ['user', '用户', 'User'],
    ['organization', '组织机构', 'Organization'],
    ['region', '行政区划', 'Region'],
    ['session', '会话', 'Session'],
    ['calendar_year', '工作日历', 'Working-day calendar'],
    ['enterprise', '企业档案', 'Enterprise'],
    ['policy', '保单', 'Policy'],
    ['staff', '服务人员', 'Service staff'],
    ['service_type', '服务类型', 'Service type'],
    ['commission', '委托', 'Commission'],
    ['commission_item', '委托企业', 'Commissioned enterprise'],
    ['service_plan', '服务方案', 'Service plan'],
    ['visit', '服务安排', 'Service visit'],
    ['import', '表格导入', 'Spreadsheet import'],
  ])('%s is shown as %s / %s', (entity, zh, english) => {
    expect(auditEntityLabel(translator(zhCN), entity)).toBe(zh)
    expect(auditEntityLabel(translator(en), entity)).toBe(english)
  })

  it('never shows an unknown kind by its code', () => {
    expect(auditEntityLabel(translator(zhCN), 'inspection_task')).toBe('其他记录')
    expect(auditEntityLabel(translator(en), 'inspection_task')).toBe('Other record')
  })
})

describe('audit filters', () => {
  it("an import's record changes are its batch, with every other filter cleared", () => {
    expect(auditFilters(42)).toEqual({ entity: '', user_id: undefined, action: undefined, days: null, batch_id: 42 })
    expect(auditFilters().batch_id).toBeUndefined()
  })
})
