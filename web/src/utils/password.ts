import type { PasswordPolicy } from '@/api/types'

/**
 * The server's password policy (GET /password-policy), checked as the user types: a length, how many of the
 * four character classes (lower case, upper case, digits, anything else), and not the user's own login, name
 * or phone. The server also refuses common passwords; that list stays on the server.
 */
export const DEFAULT_PASSWORD_POLICY: PasswordPolicy = { min_length: 10, max_length: 128, min_classes: 3 }

export type PasswordProblem = 'length' | 'classes' | 'personal'

/** How many classes the password uses; as the server counts (a Chinese character is "anything else"). */
export function passwordClasses(password: string): number {
  const classes = new Set<string>()
  for (const c of password) classes.add(/[a-z]/.test(c) ? 'lower' : /[A-Z]/.test(c) ? 'upper' : /[0-9]/.test(c) ? 'digit' : 'other')
  return classes.size
}

/** The first rule the password breaks; `personal` lists the owner's login, name and phone (shorter than 3 ignored). */
export function passwordProblem(password: string, policy: PasswordPolicy, personal: string[] = []): PasswordProblem | null {
  const length = [...password].length
  if (length < policy.min_length || length > policy.max_length) return 'length'
  if (passwordClasses(password) < policy.min_classes) return 'classes'
  const lower = password.toLowerCase()
  if (personal.some((part) => [...part].length >= 3 && lower.includes(part.toLowerCase()))) return 'personal'
  return null
}
