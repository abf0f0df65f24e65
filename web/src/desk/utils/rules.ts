import type { FormItemRule } from 'element-plus'
import { passwordProblem, type PasswordProblem } from '@/utils/password'

/** Form rule builders shared by the pages' rules.ts files; `t` is vue-i18n's translate. */
type Translate = (key: string) => string

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  length: 'rules.passwordLength',
  letter: 'rules.passwordLetter',
  digit: 'rules.passwordDigit',
}

export const required = (t: Translate): FormItemRule => ({ required: true, message: t('rules.required'), trigger: 'blur' })

export const password = (t: Translate): FormItemRule => ({
  trigger: ['blur', 'change'],
  validator: (_rule, value: string | undefined, callback) => {
    const problem = passwordProblem(value ?? '')
    callback(problem ? new Error(t(PASSWORD_MESSAGES[problem])) : undefined)
  },
})

export const email = (t: Translate): FormItemRule => ({ type: 'email', message: t('rules.email'), trigger: 'blur' })

export const phone = (t: Translate): FormItemRule => ({
  pattern: /^[\d+\-() ]{5,20}$/,
  message: t('rules.phone'),
  trigger: 'blur',
})

/** A rule whose check returns an i18n key of the problem, or null when the value is fine. */
export const check = <V>(t: Translate, problem: (value: V) => string | null, trigger: string | string[] = ['blur', 'change']): FormItemRule => ({
  trigger,
  validator: (_rule, value: V, callback) => {
    const key = problem(value)
    callback(key ? new Error(t(key)) : undefined)
  },
})
