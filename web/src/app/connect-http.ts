import type { Router } from 'vue-router'
import { configureHttp } from '@/api/http'
import { currentLocale, i18n } from '@/i18n'
import { useSessionStore } from '@/stores/session'

/** Wires the request client to an app: its message style, locale and login route. */
export function connectHttp(router: Router, notify: (message: string) => void): void {
  configureHttp({
    locale: currentLocale,
    notify,
    networkMessage: () => i18n.global.t('error.network'),
    onUnauthorized: () => {
      useSessionStore().clear()
      const current = router.currentRoute.value
      if (current.name !== 'login') void router.push({ name: 'login', query: { redirect: current.fullPath } })
    },
  })
}
