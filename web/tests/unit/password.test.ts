import { describe, expect, it } from 'vitest'
import { DEFAULT_PASSWORD_POLICY, passwordClasses, passwordProblem } from '@/utils/password'

const policy = DEFAULT_PASSWORD_POLICY

describe('password policy (10–128 characters, 3 of 4 classes, not the owner\'s login, name or phone)', () => {
  it('is the server\'s default until the deployment\'s arrives', () => {
    expect(policy).toEqual({ min_length: 10, max_length: 128, min_classes: 3 })
  })

  it('accepts passwords that meet it', () => {
    expect(passwordProblem('Matrix#Check2026', policy)).toBeNull()
    expect(passwordProblem('abcdefgH1x', policy)).toBeNull()
    expect(passwordProblem(`aB1${'x'.repeat(125)}`, policy)).toBeNull()
  })

  it('rejects short and overlong passwords; the demo password is one character short', () => {
    expect(passwordProblem('', policy)).toBe('length')
    expect(passwordProblem('Demo@2026', policy)).toBe('length')
    expect(passwordProblem(`aB1${'x'.repeat(126)}`, policy)).toBe('length')
  })

  it('counts the classes as the server does', () => {
    expect(passwordClasses('abcdefghij')).toBe(1)
    expect(passwordClasses('abcdeFGHIJ')).toBe(2)
    expect(passwordClasses('abcde12345')).toBe(2)
    expect(passwordClasses('abc安全123')).toBe(3)
    expect(passwordClasses('aB3!')).toBe(4)
    expect(passwordProblem('abcdefgh12', policy)).toBe('classes')
    expect(passwordProblem('abcdefgh12', { ...policy, min_classes: 2 })).toBeNull()
  })

  it('refuses the owner\'s login, name or phone inside it, case-insensitively', () => {
    expect(passwordProblem('Zhangwei#2026', policy, ['zhangwei', '张伟', ''])).toBe('personal')
    expect(passwordProblem('Ab#13800138000', policy, ['li', '', '13800138000'])).toBe('personal')
    expect(passwordProblem('Ab#1li23456', policy, ['li', 'Li', ''])).toBeNull()
  })

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblem('aB1😀😀😀😀😀😀', policy)).toBe('length')
    expect(passwordProblem('aB1😀😀😀😀😀😀😀', policy)).toBeNull()
  })
})
