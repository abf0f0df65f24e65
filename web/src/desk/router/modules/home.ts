import { HomeFilled } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

export const homeRoutes: RouteRecordRaw[] = [
  {
    path: '',
    name: 'home',
    component: () => import('@/desk/views/home/index.vue'),
    meta: { title: 'menu.home', icon: HomeFilled },
  },
]
