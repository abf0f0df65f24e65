import { Calendar, Connection, Document, Location, OfficeBuilding, Setting, User } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

export const systemRoutes: RouteRecordRaw[] = [
  {
    path: 'system',
    name: 'system',
    meta: { title: 'menu.system', icon: Setting },
    children: [
      {
        path: 'regions',
        name: 'regions',
        component: () => import('@/desk/views/system/region/index.vue'),
        meta: { title: 'menu.regions', icon: Location, perms: ['region:read'] },
      },
      {
        path: 'organizations',
        name: 'organizations',
        component: () => import('@/desk/views/system/organization/index.vue'),
        meta: { title: 'menu.organizations', icon: OfficeBuilding, perms: ['org:read'] },
      },
      {
        path: 'users',
        name: 'users',
        component: () => import('@/desk/views/system/user/index.vue'),
        meta: { title: 'menu.users', icon: User, perms: ['user:read'] },
      },
      {
        path: 'audit',
        name: 'audit',
        component: () => import('@/desk/views/system/audit/index.vue'),
        meta: { title: 'menu.audit', icon: Document, perms: ['audit:read'] },
      },
      {
        path: 'calendar',
        name: 'calendar',
        component: () => import('@/desk/views/system/calendar/index.vue'),
        meta: { title: 'menu.calendar', icon: Calendar, perms: ['calendar:read'] },
      },
      {
        path: 'webhooks',
        name: 'webhooks',
        component: () => import('@/desk/views/system/webhook/index.vue'),
        meta: { title: 'menu.webhooks', icon: Connection, perms: ['webhook:manage'] },
      },
    ],
  },
]
