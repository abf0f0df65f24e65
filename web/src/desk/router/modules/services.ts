import { Notebook, Service } from '@element-plus/icons-vue'
import { Calendar, DocumentChecked, Warning } from '@element-plus/icons-vue'
import { AlarmClock, Files, MessageBox } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

/** 服务管理: the service catalog and the work built on it (commissions, plans, visits). */
export const servicesRoutes: RouteRecordRaw[] = [
  {
    path: 'services',
    name: 'services',
    meta: { title: 'menu.services', icon: Service },
    children: [
      {
        path: '/service-catalog',
        name: 'service-catalog',
        component: () => import('@/desk/views/services/catalog/index.vue'),
        meta: { title: 'menu.serviceCatalog', icon: Notebook, perms: ['catalog:read'] },
      },
      {
        path: '/commissions',
        name: 'commissions',
        component: () => import('@/desk/views/services/commission/index.vue'),
        meta: { title: 'menu.commissions', icon: Files, perms: ['commission:read'] },
      },
      {
        path: '/commissions/:id(\\d+)',
        name: 'commission-detail',
        component: () => import('@/desk/views/services/commission/detail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.commissionDetail', perms: ['commission:read'], hidden: true, activeMenu: '/commissions' },
      },
      {
        path: '/commission-items/:id(\\d+)',
        name: 'commission-item',
        component: () => import('@/desk/views/services/commission/item-redirect.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.commissionDetail', perms: ['commission:read'], hidden: true, activeMenu: '/commissions' },
      },
      {
        path: '/commission-inbox',
        name: 'commission-inbox',
        component: () => import('@/desk/views/services/commission-inbox/index.vue'),
        meta: { title: 'menu.commissionInbox', icon: MessageBox, perms: ['commission:decide'] },
      },
      {
        path: '/service-plans',
        name: 'service-plans',
        component: () => import('@/desk/views/services/plan/index.vue'),
        meta: { title: 'menu.servicePlans', icon: DocumentChecked, perms: ['plan:read'] },
      },
      {
        path: '/service-plans/new',
        name: 'service-plan-new',
        component: () => import('@/desk/views/services/plan/editor.vue'),
        props: { id: null },
        meta: { title: 'menu.servicePlanNew', perms: ['plan:write'], hidden: true, activeMenu: '/service-plans' },
      },
      {
        path: '/service-plans/:id(\\d+)',
        name: 'service-plan',
        component: () => import('@/desk/views/services/plan/editor.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.servicePlan', perms: ['plan:read'], hidden: true, activeMenu: '/service-plans' },
      },
      {
        path: '/visits',
        name: 'visits',
        component: () => import('@/desk/views/services/visit/index.vue'),
        meta: { title: 'menu.visits', icon: Calendar, perms: ['visit:read'] },
      },
      {
        path: '/visits/:id(\\d+)',
        name: 'visit',
        component: () => import('@/desk/views/services/visit/detail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.visit', perms: ['visit:read'], hidden: true, activeMenu: '/visits' },
      },
      {
        path: '/inspections/:id(\\d+)',
        name: 'inspection',
        component: () => import('@/desk/views/services/inspection/detail.vue'),
        props: (route) => ({ id: Number(route.params.id) }),
        meta: { title: 'menu.inspection', perms: ['visit:read'], hidden: true, activeMenu: '/visits' },
      },
      {
        path: '/survey-gaps',
        name: 'survey-gaps',
        component: () => import('@/desk/views/services/survey-gap/index.vue'),
        meta: { title: 'menu.surveyGaps', icon: Warning, perms: ['visit:read', 'policy:read'] },
      },
      {
        path: '/deadlines',
        name: 'deadlines',
        component: () => import('@/desk/views/services/deadline/index.vue'),
        meta: { title: 'menu.deadlines', icon: AlarmClock, perms: ['deadline:read'] },
      },
    ],
  },
]
