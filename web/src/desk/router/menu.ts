import type { Component } from 'vue'
import type { RouteRecordRaw } from 'vue-router'

export interface MenuItem {
  name: string
  path: string
  /** i18n key */
  title: string
  icon?: Component
  children: MenuItem[]
}

function joinPath(base: string, path: string): string {
  if (path.startsWith('/')) return path
  const prefix = base.endsWith('/') ? base : `${base}/`
  return `${prefix}${path}`
}

/**
 * The menu the user may see: routes with a title, not hidden, whose permissions the user holds;
 * a section appears only when at least one of its children does.
 */
export function buildMenu(
  routes: readonly RouteRecordRaw[],
  can: (perms?: readonly string[]) => boolean,
  base = '/',
): MenuItem[] {
  const menu: MenuItem[] = []
  for (const route of routes) {
    const meta = route.meta
    if (!meta?.title || meta.hidden || !can(meta.perms)) continue
    const path = joinPath(base, route.path)
    const item = { name: String(route.name ?? path), path, title: meta.title, icon: meta.icon }
    if (route.children?.length) {
      const children = buildMenu(route.children, can, path)
      if (children.length) menu.push({ ...item, children })
    } else {
      menu.push({ ...item, children: [] })
    }
  }
  return menu
}
