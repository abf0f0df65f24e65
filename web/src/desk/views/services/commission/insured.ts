import type { InsuranceType, Policy } from '@/api/types'
import { addDays } from '@/utils/time'

/** On-site service is due this many calendar days after the agency accepts (wuxi §15(二)). */
export const COMMISSION_ON_SITE_DAYS = 60

/** What the commission form needs of the policy an enterprise would be commissioned under. */
export interface InsuredPolicy {
  enterpriseId: number
  enterpriseName: string
  insuranceType: InsuranceType
  endsOn: string
}

type PolicyRow = Pick<Policy, 'id' | 'enterprise_id' | 'enterprise_name' | 'insurance_type' | 'starts_on' | 'ends_on'>

/** Per enterprise, the policy the server commissions under: of those in force, the latest to start. */
export function policyPerEnterprise(policies: readonly PolicyRow[]): Map<number, InsuredPolicy> {
  const latest = new Map<number, PolicyRow>()
  for (const policy of policies) {
    const known = latest.get(policy.enterprise_id)
    if (!known || policy.starts_on > known.starts_on || (policy.starts_on === known.starts_on && policy.id > known.id)) latest.set(policy.enterprise_id, policy)
  }
  return new Map(
    [...latest].map(([id, p]) => [id, { enterpriseId: id, enterpriseName: p.enterprise_name, insuranceType: p.insurance_type, endsOn: p.ends_on }]),
  )
}

/** The insurance types of the chosen enterprises' policies, each once, in the order chosen. */
export function insuranceTypesOf(chosen: readonly number[], policies: ReadonlyMap<number, InsuredPolicy>): InsuranceType[] {
  return [...new Set(chosen.flatMap((id) => policies.get(id)?.insuranceType ?? []))]
}

/**
 * The earliest day the on-site service can fall due (accepted today, 60 days on; a holiday only moves
 * it later) and the chosen enterprises whose policy ends before it, to warn about.
 */
export function policiesEndingBeforeDue(
  today: string,
  chosen: readonly number[],
  policies: ReadonlyMap<number, InsuredPolicy>,
): { due: string; ending: InsuredPolicy[] } {
  const due = addDays(today, COMMISSION_ON_SITE_DAYS)
  const ending = chosen.flatMap((id) => {
    const policy = policies.get(id)
    return policy && policy.endsOn < due ? [policy] : []
  })
  return { due, ending }
}
