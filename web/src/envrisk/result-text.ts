import type { EvaluationResult, MediumResult } from '@/api/envRisk'
import type { SumInsuredSuggestion } from '@/api/types'

/** What the result panels print, the same on the desk and the phone. */
export const MEDIA = ['air', 'water'] as const
export type Medium = (typeof MEDIA)[number]

export function mediumOf(result: EvaluationResult | null, medium: Medium): MediumResult | null {
  return result ? result[medium] : null
}

/** 12.5 → "12.5", 0.333333 → "0.333": enough digits to see the band, no float noise. */
export const shortNumber = (n: number) => String(Number(n.toPrecision(3)))

/** "示例，需保险机构确认 · 建议保额参考表…" or "人保无锡… 第 1 版": which table the band came from. */
export function tableText(suggestion: SumInsuredSuggestion, version: (org: string, v: number) => string): string {
  const table = suggestion.table
  if (table.is_example) return `${table.name}`
  return `${table.name}（${version(table.org_name, table.version ?? 0)}）`
}
