import type { Component } from 'vue'

export {}

declare module 'vue-router' {
  interface RouteMeta {
    /** i18n key of the page and menu title. */
    title?: string
    /** Menu icon component. */
    icon?: Component
    /** Permissions the user must all hold to see the menu item and open the page. */
    perms?: string[]
    /** Reachable without signing in. */
    public?: boolean
    /** Not listed in the menu. */
    hidden?: boolean
    /** The menu item to highlight for a hidden page (a detail page highlights its list). */
    activeMenu?: string
  }
}
