import { School } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

export const enterpriseRoutes: RouteRecordRaw[] = [
  {
    path: 'enterprise',
    name: 'enterprise',
    component: () => import('@/desk/views/enterprise/self/index.vue'),
    meta: { title: 'menu.enterprise', icon: School, perms: ['enterprise:self'] },
  },
]
