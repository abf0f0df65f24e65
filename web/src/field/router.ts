import { createRouter, createWebHistory } from 'vue-router'
import { useSessionStore } from '@/stores/session'
import { useDictionaryStore } from '@/stores/dictionaries'
import { ensureDictionaries, ensureSession } from './offline/session'

/** The phone app lives under /field/ (the server serves field.html there). */
export const router = createRouter({
  history: createWebHistory('/field/'),
  routes: [
    { path: '/login', name: 'login', component: () => import('./views/login.vue'), meta: { public: true } },
    { path: '/', name: 'home', component: () => import('./views/home.vue') },
    { path: '/visits/:id(\\d+)', name: 'visit', component: () => import('./views/visit.vue'), props: (route) => ({ id: Number(route.params.id) }) },
    {
      path: '/visits/:id(\\d+)/checklists/:code',
      name: 'checklist',
      component: () => import('./views/checklist.vue'),
      props: (route) => ({ id: Number(route.params.id), code: String(route.params.code) }),
    },
    { path: '/env-risk', name: 'env-risk', component: () => import('./views/env-risk.vue') },
    { path: '/:pathMatch(.*)*', redirect: { name: 'home' } },
  ],
})

router.beforeEach(async (to) => {
  const session = useSessionStore()
  await ensureSession(session)
  if (session.signedIn) await ensureDictionaries(useDictionaryStore())
  if (to.meta.public) return to.name === 'login' && session.signedIn ? { name: 'home' } : true
  return session.signedIn ? true : { name: 'login', query: { redirect: to.fullPath } }
})
