import { ref, type Ref } from 'vue'
import type { PasswordPolicy } from '@/api/types'
import { getPasswordPolicy } from '@/api/users'
import { DEFAULT_PASSWORD_POLICY } from '@/utils/password'

const policy = ref<PasswordPolicy>(DEFAULT_PASSWORD_POLICY)
let loading: Promise<void> | null = null

/**
 * The deployment's password policy (GET /password-policy, read once per page load), for the password fields
 * to check as the user types; the shipped defaults until it arrives or when it cannot be read (the server
 * checks again on save).
 */
export function usePasswordPolicy(): Ref<PasswordPolicy> {
  loading ??= getPasswordPolicy()
    .then((p) => {
      policy.value = p
    })
    .catch(() => {
      loading = null
    })
  return policy
}
