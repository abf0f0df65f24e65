import { createRouter, createWebHistory, type RouteLocationNormalized } from 'vue-router'
import { i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'
import { routes } from './routes'

export const router = createRouter({ history: createWebHistory('/'), routes })

/**
 * Starts loading the code of the pages a navigation shows (the layout and the page), which the router would
 * only start once the guards below are done: on a cold first page they then load while GET /me is under
 * way instead of after it. The router's own load later gets the same modules; a failure is left to it.
 */
function preloadPages(to: RouteLocationNormalized): void {
  for (const record of to.matched) {
    for (const component of Object.values(record.components ?? {})) {
      if (typeof component === 'function') void (component as () => Promise<unknown>)().catch(() => {})
    }
  }
}

router.beforeEach(async (to) => {
  const session = useSessionStore()
  preloadPages(to)
  await session.ensureLoaded()
  if (to.meta.public) return to.name === 'login' && session.signedIn ? { name: 'home' } : true
  if (!session.signedIn) return { name: 'login', query: { redirect: to.fullPath } }
  // Pages the user may not open look like missing pages, as the server answers 404 for rows out of scope;
  // so does a menu section's own path (/system), which has no page.
  const isPage = Boolean(to.matched.at(-1)?.components)
  if (!isPage || !to.matched.every((record) => session.can(record.meta.perms))) {
    return { name: 'not-found', params: { pathMatch: to.path.slice(1).split('/') }, replace: true }
  }
  return true
})

router.afterEach((to) => {
  const title = to.meta.title ? i18n.global.t(to.meta.title) : ''
  document.title = title ? `${title} · Riskwatch` : 'Riskwatch'
})
