import type { ServiceType } from '@/api/types'

type Groupable = Pick<ServiceType, 'id' | 'insurance_type' | 'source' | 'class_code' | 'class_name_zh' | 'class_name_en' | 'name_zh' | 'name_en'>

export interface ServiceTypeGroup {
  key: string
  label: string
  options: { value: number; label: string }[]
}

/** How a select groups the catalog: by class (排查服务类…) or by the seed it comes from (无锡环责险…). */
export type GroupBy = 'class' | 'source'

/**
 * The service types a select offers, grouped in catalog order: only those of the given insurance
 * types when some are given (a commission for 环责险 policies offers 环责险 services), all otherwise.
 */
export function serviceTypeGroups(
  types: readonly Groupable[],
  { insuranceTypes, groupBy, english, sourceLabel }: { insuranceTypes?: readonly string[]; groupBy: GroupBy; english: boolean; sourceLabel: (source: string) => string },
): ServiceTypeGroup[] {
  const groups = new Map<string, ServiceTypeGroup>()
  for (const type of types) {
    if (insuranceTypes?.length && !insuranceTypes.includes(type.insurance_type)) continue
    const key = groupBy === 'source' ? type.source : type.class_code
    const label = groupBy === 'source' ? sourceLabel(type.source) : english ? type.class_name_en : type.class_name_zh
    const group = groups.get(key) ?? { key, label, options: [] }
    group.options.push({ value: type.id, label: english ? type.name_en : type.name_zh })
    groups.set(key, group)
  }
  return [...groups.values()]
}
