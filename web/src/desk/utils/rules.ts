import type { FormItemRule } from 'element-plus'
import type { PasswordPolicy } from '@/api/types'
import { passwordProblem, type PasswordProblem } from '@/utils/password'

/** Form rule builders shared by the pages' rules.ts files; `t` is vue-i18n's translate. */
export type Translate = (key: string, named?: Record<string, unknown>) => string

const PASSWORD_MESSAGES: Record<PasswordProblem, string> = {
  length: 'rules.passwordLength',
  classes: 'rules.passwordClasses',
  personal: 'rules.passwordPersonal',
}

export const required = (t: Translate): FormItemRule => ({ required: true, message: t('rules.required'), trigger: 'blur' })

/** The password policy of the deployment (usePasswordPolicy); `personal`: the owner's login, name and phone. */
export const password = (t: Translate, policy: () => PasswordPolicy, personal: () => string[] = () => []): FormItemRule => ({
  trigger: ['blur', 'change'],
  validator: (_rule, value: string | undefined, callback) => {
    const { min_length: min, max_length: max, min_classes: classes } = policy()
    const problem = passwordProblem(value ?? '', policy(), personal())
    callback(problem ? new Error(t(PASSWORD_MESSAGES[problem], { min, max, classes })) : undefined)
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
