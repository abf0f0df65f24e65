import type { EnterpriseFacts } from './conditions'
import { visibility } from './conditions'
import { type FlatForm, isAnswered } from './template'

export interface SectionProgress {
  /** Index into FlatForm.sections of a top-level section. */
  section: number
  answered: number
  total: number
}

/** The top-level section a section belongs to. */
export function topSection(form: FlatForm, section: number): number {
  let s = section
  while (form.sections[s].parent !== null) s = form.sections[s].parent!
  return s
}

/** Answered and asked (visible) items of each visible top-level section, and which items the required rule still misses. */
export function progress(form: FlatForm, values: Record<string, unknown>, enterprise: EnterpriseFacts): { sections: SectionProgress[]; missing: string[] } {
  const shown = visibility(form, values, enterprise)
  const bySection = new Map<number, SectionProgress>()
  form.sections.forEach((s, i) => {
    if (s.parent === null && shown.sections[i]) bySection.set(i, { section: i, answered: 0, total: 0 })
  })
  const missing: string[] = []
  form.items.forEach(({ item, section }, i) => {
    if (!shown.items[i]) return
    const top = bySection.get(topSection(form, section))
    const answered = isAnswered(values[item.id])
    if (top) {
      top.total += 1
      if (answered) top.answered += 1
    }
    if (item.required && !answered) missing.push(item.id)
  })
  return { sections: [...bySection.values()], missing }
}
