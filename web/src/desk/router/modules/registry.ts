import { Avatar, Collection, OfficeBuilding, Tickets } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

/** 基础档案: enterprises, their policies and the staff who serve them. */
export const registryRoutes: RouteRecordRaw[] = [
  {
    path: 'registry',
    name: 'registry',
    meta: { title: 'menu.registry', icon: Collection },
    children: [
      {
        path: '/enterprises',
        name: 'enterprises',
        component: () => import('@/desk/views/registry/enterprise/index.vue'),
        meta: { title: 'menu.enterprises', icon: OfficeBuilding, perms: ['enterprise:read'] },
      },
      {
        path: '/enterprises/:id(\\d+)',
        name: 'enterprise-detail',
        component: () => import('@/desk/views/registry/enterprise/detail.vue'),
        props: (route) => ({ id: Number(route.params.id), backTo: '/enterprises' }),
        meta: { title: 'menu.enterpriseDetail', perms: ['enterprise:read'], hidden: true, activeMenu: '/enterprises' },
      },
      {
        path: '/policies',
        name: 'policies',
        component: () => import('@/desk/views/registry/policy/index.vue'),
        meta: { title: 'menu.policies', icon: Tickets, perms: ['policy:read'] },
      },
      {
        path: '/staff',
        name: 'staff',
        component: () => import('@/desk/views/registry/staff/index.vue'),
        meta: { title: 'menu.staff', icon: Avatar, perms: ['staff:read'] },
      },
    ],
  },
]
