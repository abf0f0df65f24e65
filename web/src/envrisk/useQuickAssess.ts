import { reactive, ref, shallowRef, watch } from 'vue'
import type { EvaluationResult } from '@/api/envRisk'
import { evaluateEnvRisk, getEnvRiskTable } from '@/api/envRisk'
import { ApiError } from '@/api/http'
import { suggestSumInsured } from '@/api/sumInsured'
import type { EnvRiskTable, FieldError, SumInsuredSuggestion } from '@/api/types'
import { emptyForm, evaluateBody } from './quick-form'

/** How long the form rests before it is graded again (keystrokes in a quantity make one call). */
export const EVALUATE_DELAY_MS = 300

type Scale = 'large' | 'medium' | 'small' | 'micro'

/**
 * 在线速算 (wuxi att.1 管理系统): the form, and the result the server grades from it, live — every change is sent
 * to POST /env-risk/evaluate after a short rest; an answer that arrives after a newer question is dropped. With a
 * scale the suggested sum insured follows the level.
 */
export function useQuickAssess() {
  const form = reactive(emptyForm())
  const table = shallowRef<EnvRiskTable | null>(null)
  const result = shallowRef<EvaluationResult | null>(null)
  const errors = ref<FieldError[]>([])
  const evaluating = ref(false)
  const scale = ref<Scale | ''>('')
  const suggestion = shallowRef<SumInsuredSuggestion | null>(null)
  let asked = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  async function evaluateNow(): Promise<void> {
    const question = ++asked
    evaluating.value = true
    try {
      const answer = await evaluateEnvRisk(evaluateBody(form))
      if (question !== asked) return
      result.value = answer
      errors.value = []
      await suggest()
    } catch (error) {
      if (question !== asked) return
      errors.value = error instanceof ApiError ? (error.fieldErrors) : []
    } finally {
      if (question === asked) evaluating.value = false
    }
  }

  async function suggest(): Promise<void> {
    const level = result.value?.level_code
    if (!level || !scale.value) {
      suggestion.value = null
      return
    }
    try {
      suggestion.value = await suggestSumInsured({ level, scale: scale.value })
    } catch {
      suggestion.value = null
    }
  }

  function schedule(): void {
    clearTimeout(timer)
    timer = setTimeout(() => void evaluateNow(), EVALUATE_DELAY_MS)
  }

  watch(form, schedule, { deep: true })
  watch(scale, () => void suggest())

  async function start(): Promise<void> {
    table.value = await getEnvRiskTable()
    await evaluateNow()
  }

  return { form, table, result, errors, evaluating, scale, suggestion, start, evaluateNow }
}
