import type { Condition, FlatForm } from './template'
import { chosen } from './template'

/** The enterprise's fields a condition may read: field → its values (tags has several). */
export type EnterpriseFacts = Record<string, string[]>

export interface Visibility {
  sections: boolean[]
  items: boolean[]
}

/**
 * Which sections and items are shown, evaluated exactly as the server's forms::visibility: one pass in
 * document order; an item is hidden when its section (or any ancestor) is; a hidden item's answer does not
 * count; "not_in" holds while the item is unanswered.
 */
export function visibility(form: FlatForm, values: Record<string, unknown>, enterprise: EnterpriseFacts): Visibility {
  const out: Visibility = { sections: form.sections.map(() => false), items: form.items.map(() => false) }
  const indexOf = new Map(form.items.map((f, i) => [f.item.id, i]))
  const decided = form.sections.map(() => false)

  const holds = (condition: Condition): boolean => {
    if ('all' in condition) return condition.all.every(holds)
    if ('any' in condition) return condition.any.some(holds)
    if ('not' in condition) return !holds(condition.not)
    let have: string[] = []
    if ('enterprise' in condition) have = enterprise[condition.enterprise] ?? []
    else {
      const index = indexOf.get(condition.answer)
      if (index !== undefined && out.items[index]) have = chosen(values[condition.answer])
    }
    const listed = 'not_in' in condition ? condition.not_in : condition.in
    const anyListed = have.some((v) => listed.includes(v))
    return 'not_in' in condition ? !anyListed : anyListed
  }

  const sectionVisible = (s: number): boolean => {
    if (decided[s]) return out.sections[s]
    const { section, parent } = form.sections[s]
    let visible = parent === null || sectionVisible(parent)
    if (visible && section.visible_if) visible = holds(section.visible_if)
    decided[s] = true
    out.sections[s] = visible
    return visible
  }

  form.items.forEach(({ item, section }, i) => {
    let visible = sectionVisible(section)
    if (visible && item.visible_if) visible = holds(item.visible_if)
    out.items[i] = visible
  })
  form.sections.forEach((_, s) => sectionVisible(s))
  return out
}

/** The facts of an enterprise record (GET /enterprises/{id}) that conditions read, as the server takes them. */
export function enterpriseFacts(enterprise: Partial<Record<'tags' | 'permit_type' | 'scale' | 'industry_code' | 'production_status' | 'risk_level', unknown>>): EnterpriseFacts {
  const one = (v: unknown) => [typeof v === 'string' ? v : '']
  return {
    tags: Array.isArray(enterprise.tags) ? enterprise.tags.filter((t): t is string => typeof t === 'string') : [],
    permit_type: one(enterprise.permit_type),
    scale: one(enterprise.scale),
    industry_code: one(enterprise.industry_code),
    production_status: one(enterprise.production_status),
    risk_level: one(enterprise.risk_level),
  }
}
