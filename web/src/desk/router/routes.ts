import type { RouteRecordRaw } from 'vue-router'
import { enterpriseRoutes } from './modules/enterprise'
import { envRiskRoutes } from './modules/envrisk'
import { hazardRoutes } from './modules/hazards'
import { homeRoutes } from './modules/home'
import { profileRoutes } from './modules/profile'
import { registryRoutes } from './modules/registry'
import { servicesRoutes } from './modules/services'
import { systemRoutes } from './modules/system'

/** The pages inside the layout; the side menu is built from them. */
export const layoutRoutes: RouteRecordRaw[] = [...homeRoutes, ...enterpriseRoutes, ...registryRoutes, ...servicesRoutes, ...hazardRoutes, ...envRiskRoutes, ...systemRoutes, ...profileRoutes]

export const routes: RouteRecordRaw[] = [
  {
    path: '/login',
    name: 'login',
    component: () => import('@/desk/views/login/index.vue'),
    meta: { title: 'login.title', public: true },
  },
  {
    path: '/',
    component: () => import('@/desk/layout/index.vue'),
    children: [
      ...layoutRoutes,
      {
        path: ':pathMatch(.*)*',
        name: 'not-found',
        component: () => import('@/desk/views/error/404.vue'),
        meta: { title: 'menu.notFound', hidden: true },
      },
    ],
  },
]
