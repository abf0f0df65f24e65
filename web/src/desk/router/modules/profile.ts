import type { RouteRecordRaw } from 'vue-router'

/** Reached from the user menu in the top bar, not from the side menu. */
export const profileRoutes: RouteRecordRaw[] = [
  {
    path: 'profile',
    name: 'profile',
    component: () => import('@/desk/views/profile/index.vue'),
    meta: { title: 'menu.profile', perms: ['profile'], hidden: true },
  },
]
