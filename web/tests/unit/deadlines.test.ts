import { describe, expect, it } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import { routes } from '@/desk/router/routes'
import { deadlineObjectPath, mayOpen } from '@/desk/views/services/deadline/useDeadlines'

const router = createRouter({ history: createMemoryHistory(), routes })

/** The permissions src/accounts/current_user.cpp gives a regulator's manager and an insurer's manager. */
const REGULATOR = ['profile', 'calendar:read', 'region:read', 'org:read', 'enterprise:read', 'policy:read', 'staff:read', 'catalog:read', 'plan:read', 'visit:read', 'deadline:read']
const INSURER = [...REGULATOR, 'commission:read', 'commission:write', 'policy:write']
const holder = (permissions: string[]) => (perms: string[] = []) => perms.every((p) => permissions.includes(p))

describe("the deadline board's links", () => {
  const visit = deadlineObjectPath({ object_type: 'visit', object_id: 7 })
  const item = deadlineObjectPath({ object_type: 'commission_item', object_id: 3 })

  it('point at the visit page and the commission item', () => {
    expect([visit, item]).toEqual(['/visits/7', '/commission-items/3'])
  })

  it('lead a regulator to visits and enterprises, never to commissions it may not open', () => {
    expect(mayOpen(router, visit, holder(REGULATOR))).toBe(true)
    expect(mayOpen(router, '/enterprises/5', holder(REGULATOR))).toBe(true)
    expect(mayOpen(router, item, holder(REGULATOR))).toBe(false)
  })

  it('lead an insurer to its commission items', () => {
    expect(mayOpen(router, item, holder(INSURER))).toBe(true)
  })

  it('never link to a page that does not exist', () => {
    expect(mayOpen(router, '/no-such-page/1', holder(INSURER))).toBe(false)
    expect(mayOpen(router, '/services', holder(INSURER))).toBe(false)
  })
})
