/**
 * The unified social credit code of GB 32100-2015: 18 characters from a 31-character set (digits and
 * capitals without I, O, Z, S, V); the last is a check character over the first 17, weighted by 3^i mod 31.
 */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
export const USCC_LENGTH = 18

export type UsccProblem = 'length' | 'character' | 'check'

/** How a code is typed in: without surrounding spaces, in capitals. */
export function normalizeUscc(code: string): string {
  return code.trim().toUpperCase()
}

/** The check character for the first 17 characters; null when one of them is not in the charset. */
export function usccCheckCharacter(first17: string): string | null {
  let sum = 0
  for (let i = 0; i < WEIGHTS.length; i += 1) {
    const value = USCC_CHARSET.indexOf(first17.charAt(i))
    if (value < 0) return null
    sum += value * WEIGHTS[i]
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31)
}

/** What is wrong with a (normalized) code, or null when it is valid. */
export function usccProblem(code: string): UsccProblem | null {
  if ([...code].some((c) => !USCC_CHARSET.includes(c))) return 'character'
  if (code.length !== USCC_LENGTH) return 'length'
  return usccCheckCharacter(code.slice(0, 17)) === code.charAt(17) ? null : 'check'
}

export function isValidUscc(code: string): boolean {
  return usccProblem(normalizeUscc(code)) === null
}
