import { describe, expect, it } from 'vitest'
import { passwordProblem } from '@/utils/password'

describe('password policy (8–128 characters, a letter and a digit)', () => {
  it('accepts passwords that meet it', () => {
    expect(passwordProblem('Demo@2026')).toBeNull()
    expect(passwordProblem('abcdefg1')).toBeNull()
    expect(passwordProblem(`a1${'x'.repeat(126)}`)).toBeNull()
  })

  it('rejects short and overlong passwords', () => {
    expect(passwordProblem('')).toBe('length')
    expect(passwordProblem('abc123')).toBe('length')
    expect(passwordProblem('abcdef1')).toBe('length')
    expect(passwordProblem(`a1${'x'.repeat(127)}`)).toBe('length')
  })

  it('requires a letter', () => {
    expect(passwordProblem('12345678')).toBe('letter')
    expect(passwordProblem('1234567!')).toBe('letter')
  })

  it('requires a digit', () => {
    expect(passwordProblem('abcdefgh')).toBe('digit')
    expect(passwordProblem('Demo@Demo')).toBe('digit')
  })

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('a1😀😀😀😀😀')).toBe('length')
    expect(passwordProblem('a1😀😀😀😀😀😀')).toBeNull()
  })
})
