/**
 * A checklist template's body as the phone reads it (data/checklists/template.schema.json), flattened the way
 * the server's forms::Template is: sections before their items, a section's items before its sub-sections.
 */

export type ItemKind = 'yes_no' | 'single' | 'multiple' | 'text' | 'number' | 'date' | 'photo' | 'table'

export interface FindingTemplate {
  category: string
  grade: '重大' | '一般'
  description: string
  suggestion?: string
  basis?: string
}

export interface OptionTemplate {
  value: string
  label: string
  label_en?: string
  detail?: string
  exclusive?: boolean
  finding?: FindingTemplate
}

export type Condition =
  | { answer: string; in: string[] }
  | { answer: string; not_in: string[] }
  | { enterprise: string; in: string[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }

export interface ColumnTemplate {
  id: string
  label: string
  label_en?: string
  kind: Exclude<ItemKind, 'photo' | 'table'>
  options?: OptionTemplate[]
  unit?: string
  readonly?: boolean
}

export interface RowTemplate {
  id: string
  label: string
  values?: Record<string, string>
}

export interface ItemTemplate {
  id: string
  kind: ItemKind
  label: string
  label_en?: string
  help?: string
  required?: boolean
  visible_if?: Condition
  options?: OptionTemplate[]
  multiline?: boolean
  unit?: string
  min?: number
  max?: number
  integer?: boolean
  min_photos?: number
  columns?: ColumnTemplate[]
  rows?: RowTemplate[]
  rows_addable?: boolean
}

export interface SectionTemplate {
  id: string
  title: string
  title_en?: string
  help?: string
  visible_if?: Condition
  items?: ItemTemplate[]
  sections?: SectionTemplate[]
}

export interface TemplateBody {
  code: string
  name: string
  name_en?: string
  version: number
  service_types?: string[]
  sections: SectionTemplate[]
}

export interface FlatSection {
  section: SectionTemplate
  parent: number | null
  /** 0 for a top-level section. */
  depth: number
}

export interface FlatItem {
  item: ItemTemplate
  /** Index into FlatForm.sections. */
  section: number
}

export interface FlatForm {
  sections: FlatSection[]
  items: FlatItem[]
}

export function flatten(body: TemplateBody): FlatForm {
  const form: FlatForm = { sections: [], items: [] }
  const walk = (section: SectionTemplate, parent: number | null, depth: number): void => {
    const index = form.sections.length
    form.sections.push({ section, parent, depth })
    for (const item of section.items ?? []) form.items.push({ item, section: index })
    for (const child of section.sections ?? []) walk(child, index, depth + 1)
  }
  for (const section of body.sections) walk(section, null, 0)
  return form
}

/** The option values an answer's value chose: one for a single choice, several for a multiple choice. */
export function chosen(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string')
  return []
}

/** Whether a value counts as answered (the server's rule for required items). */
export function isAnswered(value: unknown): boolean {
  if (value === null || value === undefined) return false
  if (typeof value === 'string' || Array.isArray(value)) return value.length > 0
  return true
}
