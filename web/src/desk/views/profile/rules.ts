import type { FormItemRule, FormRules } from 'element-plus'
import { email, password, phone, required } from '../../utils/rules'

type Translate = (key: string) => string

export const profileRules = (t: Translate): FormRules => ({
  display_name: [required(t), { max: 64, trigger: 'blur' }],
  phone: [phone(t)],
  email: [email(t)],
})

export const passwordRules = (t: Translate, newPassword: () => string): FormRules => {
  const sameAsNew: FormItemRule = {
    trigger: ['blur', 'change'],
    validator: (_rule, value: string, callback) =>
      callback(value === newPassword() ? undefined : new Error(t('profile.passwordMismatch'))),
  }
  return {
    current_password: [required(t)],
    new_password: [required(t), password(t)],
    confirm: [required(t), sameAsNew],
  }
}
