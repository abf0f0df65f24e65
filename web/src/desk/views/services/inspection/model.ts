import type { FileFlags, InspectionAnswer, InspectionDetail } from '@/api/types'
import { localized, valueText } from '@/field/checklist/labels'
import { flatten, type ColumnTemplate, type ItemTemplate, type TemplateBody } from '@/field/checklist/template'

/** One item as the read-only page shows it, with its answer when it has one. */
export interface ShownItem {
  item: ItemTemplate
  label: string
  answer: InspectionAnswer | undefined
}

export interface ShownSection {
  id: string
  title: string
  /** 0 for a top-level section. */
  depth: number
  items: ShownItem[]
}

/** The template's sections and items in document order, without those its conditions hide (the server says which). */
export function shownSections(detail: InspectionDetail): ShownSection[] {
  const form = flatten(detail.template.body as unknown as TemplateBody)
  const hiddenItems = new Set(detail.hidden_items)
  const hiddenSections = new Set(detail.hidden_sections)
  const answers = new Map(detail.answers.map((a) => [a.item_id, a]))
  const sections: ShownSection[] = form.sections.map(({ section, depth }) => ({
    id: section.id,
    title: localized(section.title, section.title_en),
    depth,
    items: [],
  }))
  for (const { item, section } of form.items)
    if (!hiddenItems.has(item.id)) sections[section].items.push({ item, label: localized(item.label, item.label_en), answer: answers.get(item.id) })
  return sections.filter((s) => !hiddenSections.has(s.id))
}

/** The items of the template by id (a finding or a change names its item). */
export function itemsById(detail: InspectionDetail): Map<string, ItemTemplate> {
  return new Map(flatten(detail.template.body as unknown as TemplateBody).items.map(({ item }) => [item.id, item]))
}

/** An answer's value as a person reads it: option labels (not codes), a number with its unit. */
export function answerText(item: Pick<ItemTemplate, 'kind' | 'options' | 'unit'> | ColumnTemplate, value: unknown): string {
  const text = valueText(item, value, (n) => String(n))
  return item.kind === 'number' && item.unit && text !== '—' ? `${text} ${item.unit}` : text
}

/** The files an answer shows: its photos, and a photo item's value. */
export function answerPhotos(item: Pick<ItemTemplate, 'kind'>, answer: InspectionAnswer | undefined): number[] {
  if (!answer) return []
  const photos = [...(answer.photos ?? [])]
  if (item.kind === 'photo' && Array.isArray(answer.value)) photos.push(...(answer.value as number[]))
  return photos
}

/** Whether a reviewer can correct the item here (choices, text, numbers, dates; not tables or photos). */
export function correctable(item: Pick<ItemTemplate, 'kind'>): boolean {
  return ['yes_no', 'single', 'multiple', 'text', 'number', 'date'].includes(item.kind)
}

/** A table answer's rows: each row's label (a preset row's) and its cells as text, by column id. */
export function tableRows(item: ItemTemplate, value: unknown): { label: string; cells: Record<string, string> }[] {
  if (!Array.isArray(value)) return []
  return value.map((row: { row?: string; cells?: Record<string, unknown> }) => {
    const preset = item.rows?.find((r) => r.id === row.row)
    const cells: Record<string, string> = {}
    for (const column of item.columns ?? []) cells[column.id] = answerText(column, row.cells?.[column.id])
    return { label: preset?.label ?? '', cells }
  })
}

export interface PhotoFlag {
  code: string
  message: string
  message_en: string
}

/** Each photo's flags, once per code however many owners it is seen through. */
export function flagsByFile(items: readonly FileFlags[]): Map<number, PhotoFlag[]> {
  const out = new Map<number, PhotoFlag[]>()
  for (const entry of items) {
    const flags = out.get(entry.file_id) ?? []
    for (const flag of entry.flags) if (!flags.some((f) => f.code === flag.code)) flags.push(flag)
    out.set(entry.file_id, flags)
  }
  return out
}
