import type { PlanStatus } from '@/api/types'

/** Tag colours of the plan statuses. */
export const PLAN_STATUS_TAG: Record<PlanStatus, 'primary' | 'success' | 'info' | 'warning' | 'danger'> = {
  draft: 'info',
  proposed: 'warning',
  agreed: 'success',
  returned: 'danger',
}

export type PlanAction = 'edit' | 'propose' | 'agree' | 'return' | 'reopen'

/**
 * What the user may do with a plan in its status (plan_rules.cpp): its writers (plan:write) edit
 * and propose a draft or returned plan and reopen an agreed one; the enterprise (plan:agree)
 * agrees to or returns a proposed one. The server checks the user is a party of the plan.
 */
export function planActions(status: PlanStatus, can: (perms: readonly string[]) => boolean): PlanAction[] {
  const writer = can(['plan:write'])
  const enterprise = can(['plan:agree'])
  const out: PlanAction[] = []
  if ((status === 'draft' || status === 'returned') && writer) out.push('edit', 'propose')
  if (status === 'proposed' && enterprise) out.push('agree', 'return')
  if (status === 'agreed' && writer) out.push('reopen')
  return out
}
