import { Coin, DataAnalysis, Odometer } from '@element-plus/icons-vue'
import type { RouteRecordRaw } from 'vue-router'

/** 环境风险 (issue 13): 在线速算 of the HJ 941 level and the insurer's suggested-sum-insured table. */
export const envRiskRoutes: RouteRecordRaw[] = [
  {
    path: 'env-risk',
    name: 'env-risk',
    meta: { title: 'envRisk.menuGroup', icon: DataAnalysis },
    children: [
      {
        path: '/env-risk/quick',
        name: 'env-risk-quick',
        component: () => import('@/desk/views/envrisk/quick/index.vue'),
        meta: { title: 'envRisk.menu', icon: Odometer, perms: ['catalog:read'] },
      },
      {
        path: '/env-risk/sum-insured',
        name: 'sum-insured-table',
        component: () => import('@/desk/views/envrisk/sum-insured/index.vue'),
        meta: { title: 'sumInsured.menu', icon: Coin, perms: ['suminsured:write'] },
      },
    ],
  },
]
