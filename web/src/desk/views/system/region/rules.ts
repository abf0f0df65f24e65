import type { FormRules } from 'element-plus'
import { required } from '../../../utils/rules'

type Translate = (key: string) => string

export const regionRules = (t: Translate): FormRules => ({
  code: [required(t), { pattern: /^\d{6,12}$/, message: t('region.codeRule'), trigger: 'blur' }],
  name: [required(t), { max: 64, trigger: 'blur' }],
})
