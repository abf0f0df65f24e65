import { describe, expect, it } from 'vitest'
import type { InspectionDetail } from '@/api/types'
import { answerPhotos, answerText, flagsByFile, itemsById, shownSections, tableRows } from '@/desk/views/services/inspection/model'
import type { ItemTemplate, TemplateBody } from '@/field/checklist/template'

const yesNo = [
  { value: 'yes', label: '存在' },
  { value: 'no', label: '不存在' },
]
const table: ItemTemplate = {
  id: 'gas.table',
  kind: 'table',
  label: '污染物',
  rows: [{ id: 'so2', label: '二氧化硫' }],
  columns: [
    { id: 'online', label: '在线监测', kind: 'yes_no', options: yesNo },
    { id: 'rate', label: '排放速率', kind: 'number', unit: 'kg/h' },
  ],
}
const body: TemplateBody = {
  code: 't',
  name: 't',
  version: 1,
  sections: [
    {
      id: 'a',
      title: '应急',
      items: [
        { id: 'a.1', kind: 'yes_no', label: '未编制预案', options: yesNo },
        { id: 'a.2', kind: 'number', label: '池容积', unit: 'm³' },
        { id: 'a.3', kind: 'photo', label: '照片' },
        { id: 'a.hidden', kind: 'text', label: '隐藏' },
      ],
      sections: [{ id: 'a.sub', title: '子项', items: [{ id: 'a.sub.1', kind: 'multiple', label: '种类', options: yesNo }] }],
    },
    { id: 'b', title: '废气', items: [table] },
  ],
}

// The parts of GET /inspections/{id} the page reads.
const detail = {
  template: { id: 1, code: 't', version: 1, name: 't', body },
  answers: [
    { item_id: 'a.1', value: 'yes', photos: [7], version: 1, edited_at: '', answered_by: 1, updated_at: '' },
    { item_id: 'a.2', value: 120, version: 1, edited_at: '', answered_by: 1, updated_at: '' },
    { item_id: 'a.3', value: [8, 9], version: 1, edited_at: '', answered_by: 1, updated_at: '' },
  ],
  hidden_items: ['a.hidden'],
  hidden_sections: ['b'],
} as unknown as InspectionDetail

describe('the desk\'s read-only checklist', () => {
  it('shows sections in document order without the items and sections the server hides', () => {
    const sections = shownSections(detail)
    expect(sections.map((s) => [s.id, s.depth])).toEqual([
      ['a', 0],
      ['a.sub', 1],
    ])
    expect(sections[0]?.items.map((i) => i.item.id)).toEqual(['a.1', 'a.2', 'a.3'])
    expect(sections[0]?.items[0]?.answer?.value).toBe('yes')
    expect(sections[1]?.items[0]?.answer).toBeUndefined()
    expect(itemsById(detail).get('gas.table')?.kind).toBe('table')
  })

  it('reads answers by their labels, numbers with their unit, and collects the photos', () => {
    const items = itemsById(detail)
    expect(answerText(items.get('a.1')!, 'yes')).toBe('存在')
    expect(answerText(items.get('a.sub.1')!, ['yes', 'no'])).toBe('存在、不存在')
    expect(answerText(items.get('a.2')!, 120)).toBe('120 m³')
    expect(answerText(items.get('a.2')!, null)).toBe('—')
    expect(answerPhotos(items.get('a.1')!, detail.answers[0])).toEqual([7])
    expect(answerPhotos(items.get('a.3')!, detail.answers[2])).toEqual([8, 9])
    expect(answerPhotos(items.get('a.3')!, undefined)).toEqual([])
  })

  it('shows a table answer as rows of labelled cells', () => {
    expect(tableRows(table, [{ row: 'so2', cells: { online: 'no', rate: 0.5 } }, { cells: { online: 'yes' } }])).toEqual([
      { label: '二氧化硫', cells: { online: '不存在', rate: '0.5 kg/h' } },
      { label: '', cells: { online: '存在', rate: '—' } },
    ])
    expect(tableRows(table, null)).toEqual([])
  })

  it('keeps each photo\'s flags once per code, whichever owner they were read through', () => {
    const time = { code: 'taken_outside_visit' as const, message: '照片拍摄时间不在本次检查期间', message_en: 'outside' }
    const same = { code: 'same_file_other_enterprise' as const, message: '同一照片文件也用于其他企业', message_en: 'same' }
    const flags = flagsByFile([
      { file_id: 7, owner_kind: 'inspection', owner_id: 1, flags: [time] },
      { file_id: 7, owner_kind: 'inspection_finding', owner_id: 3, flags: [time, same] },
      { file_id: 8, owner_kind: 'inspection', owner_id: 1, flags: [] },
    ])
    expect(flags.get(7)?.map((f) => f.code)).toEqual(['taken_outside_visit', 'same_file_other_enterprise'])
    expect(flags.get(8)).toEqual([])
  })
})
