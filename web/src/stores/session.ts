import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import * as auth from '@/api/auth'
import { ApiError, csrfToken } from '@/api/http'
import type { Me, ProfileUpdate } from '@/api/types'

/** The signed-in user (GET /me), shared by the desk and the field app. */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null)
  let loading: Promise<void> | null = null

  const permissions = computed(() => new Set(me.value?.permissions ?? []))
  const signedIn = computed(() => me.value !== null)

  /** True when the user holds every permission listed (an empty list always passes). */
  function can(perms: readonly string[] = []): boolean {
    return perms.every((p) => permissions.value.has(p))
  }

  /** Loads the session once; a 401 simply means nobody is signed in. */
  function ensureLoaded(): Promise<void> {
    loading ??= auth
      .getMe({ silent: true })
      .then((user) => {
        me.value = user
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError && error.status === 401)) throw error
        me.value = null
      })
    return loading
  }

  async function login(username: string, password: string, options?: { silent?: boolean }): Promise<void> {
    const result = await auth.login(username, password, options)
    me.value = result.user
    loading = Promise.resolve()
  }

  async function logout(): Promise<void> {
    await auth.logout()
    clear()
  }

  /** Forgets the user locally (after logout or a 401). */
  function clear(): void {
    me.value = null
    csrfToken.clear()
    loading = Promise.resolve()
  }

  async function saveProfile(patch: ProfileUpdate): Promise<void> {
    me.value = await auth.updateMe(patch)
  }

  return { me, permissions, signedIn, can, ensureLoaded, login, logout, clear, saveProfile }
})
