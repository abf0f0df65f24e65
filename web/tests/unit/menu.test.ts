import { describe, expect, it } from 'vitest'
import type { RouteRecordRaw } from 'vue-router'
import { buildMenu, type MenuItem } from '@/desk/router/menu'
import { layoutRoutes } from '@/desk/router/routes'

const names = (menu: MenuItem[]): string[] => menu.flatMap((item) => [item.name, ...names(item.children)])

function menuFor(permissions: string[]): string[] {
  const held = new Set(permissions)
  return names(buildMenu(layoutRoutes, (perms = []) => perms.every((p) => held.has(p))))
}

describe('buildMenu over the desk routes', () => {
  it('gives a regulator (manager) regions and organizations but no users or audit', () => {
    const menu = menuFor(['region:read', 'org:read', 'profile'])
    expect(menu).toEqual(['home', 'system', 'regions', 'organizations'])
  })

  it('gives an admin the whole system section', () => {
    const menu = menuFor(['region:read', 'region:write', 'org:read', 'org:write', 'user:read', 'user:write', 'audit:read', 'webhook:manage', 'profile'])
    expect(menu).toEqual(['home', 'system', 'regions', 'organizations', 'users', 'audit', 'webhooks'])
  })

  it('gives an enterprise user its enterprise page and drops the empty system section', () => {
    const menu = menuFor(['profile', 'enterprise:self'])
    expect(menu).toEqual(['home', 'enterprise'])
  })

  it('gives an insurer the registry section without the hidden enterprise detail page', () => {
    const menu = menuFor(['profile', 'region:read', 'org:read', 'enterprise:read', 'enterprise:write', 'policy:read', 'policy:write', 'staff:read'])
    expect(menu).toEqual(['home', 'registry', 'enterprises', 'policies', 'staff', 'system', 'regions', 'organizations'])
  })

  it('gives an enterprise user its enterprise and the registry pages it may read', () => {
    expect(menuFor(['profile', 'enterprise:self', 'enterprise:read', 'policy:read'])).toEqual(['home', 'enterprise', 'registry', 'enterprises', 'policies'])
  })

  it('gives every user the working-day calendar', () => {
    expect(menuFor(['profile', 'enterprise:self', 'calendar:read'])).toEqual(['home', 'enterprise', 'system', 'calendar'])
  })

  it('never lists hidden pages such as the profile', () => {
    expect(menuFor(['profile'])).not.toContain('profile')
  })

  it('joins nested paths and keeps titles and icons', () => {
    const menu = buildMenu(layoutRoutes, () => true)
    const system = menu.find((item) => item.name === 'system')
    expect(system?.path).toBe('/system')
    expect(system?.children.map((c) => c.path)).toEqual(['/system/regions', '/system/organizations', '/system/users', '/system/audit', '/system/calendar', '/system/webhooks'])
    expect(system?.children[0].title).toBe('menu.regions')
    expect(system?.children[0].icon).toBeDefined()
  })
})

describe('buildMenu rules', () => {
  const routes: RouteRecordRaw[] = [
    { path: '/a', name: 'a', redirect: '/', meta: { title: 't.a', perms: ['x', 'y'] } },
    { path: '/b', name: 'b', redirect: '/', meta: { perms: [] } },
    { path: 'c', name: 'c', meta: { title: 't.c', perms: ['z'] }, children: [{ path: 'd', name: 'd', redirect: '/', meta: { title: 't.d' } }] },
  ]

  it('requires every listed permission, skips untitled routes, and checks a section itself', () => {
    const can = (held: string[]) => (perms: readonly string[] = []) => perms.every((p) => held.includes(p))
    expect(names(buildMenu(routes, can(['x'])))).toEqual([])
    expect(names(buildMenu(routes, can(['x', 'y'])))).toEqual(['a'])
    expect(names(buildMenu(routes, can(['z'])))).toEqual(['c', 'd'])
    expect(buildMenu(routes, can(['z']))[0].children[0].path).toBe('/c/d')
  })
})
