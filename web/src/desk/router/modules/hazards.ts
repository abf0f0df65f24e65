import { Bell, Document, WarnTriangleFilled, Warning } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

/** 隐患治理: hazards to closure (issue 12) — hazards, notices 文书 and the escalations to regulators. */
export const hazardRoutes: RouteRecordRaw[] = [
  {
    path: 'rectification',
    name: 'rectification',
    meta: { title: 'menu.rectification', icon: WarnTriangleFilled },
    children: [
      {
        path: '/hazards',
        name: 'hazards',
        component: () => import('@/desk/views/hazards/hazard/index.vue'),
        meta: { title: 'menu.hazards', icon: Warning, perms: ['hazard:read'] },
      },
      {
        path: '/hazards/:id(\\d+)',
        name: 'hazard',
        component: () => import('@/desk/views/hazards/hazard/detail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.hazard', perms: ['hazard:read'], hidden: true, activeMenu: '/hazards' },
      },
      {
        path: '/notices',
        name: 'notices',
        component: () => import('@/desk/views/hazards/notice/index.vue'),
        meta: { title: 'menu.notices', icon: Document, perms: ['notice:read'] },
      },
      {
        path: '/notices/:id(\\d+)',
        name: 'notice',
        component: () => import('@/desk/views/hazards/notice/detail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.notice', perms: ['notice:read'], hidden: true, activeMenu: '/notices' },
      },
      {
        path: '/hazard-escalations',
        name: 'hazard-escalations',
        component: () => import('@/desk/views/hazards/escalation/index.vue'),
        meta: { title: 'menu.hazardEscalations', icon: Bell, perms: ['hazard:comment'] },
      },
    ],
  },
]
