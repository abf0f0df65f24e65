/** The server's password policy: 8–128 characters with at least one letter and one digit. */
export const PASSWORD_MIN = 8
export const PASSWORD_MAX = 128

export type PasswordProblem = 'length' | 'letter' | 'digit'

export function passwordProblem(password: string): PasswordProblem | null {
  const length = [...password].length
  if (length < PASSWORD_MIN || length > PASSWORD_MAX) return 'length'
  if (!/[A-Za-z]/.test(password)) return 'letter'
  if (!/\d/.test(password)) return 'digit'
  return null
}
