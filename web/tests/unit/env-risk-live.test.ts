import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick } from 'vue'
import type { EvaluateBody, EvaluationResult } from '@/api/envRisk'

const evaluate = vi.fn<(body: EvaluateBody) => Promise<EvaluationResult>>()
vi.mock('@/api/envRisk', async (original) => ({
  ...(await original<typeof import('@/api/envRisk')>()),
  evaluateEnvRisk: (body: EvaluateBody) => evaluate(body),
  getEnvRiskTable: () => Promise.resolve({ id: 1, version: 1, note: '', control_scores: { air: [], water: [] }, processes: [], process_cap: 30, published_at: '2026-06-01T02:00:00Z' }),
}))
vi.mock('@/api/sumInsured', () => ({ suggestSumInsured: () => Promise.resolve(null) }))
const { EVALUATE_DELAY_MS, useQuickAssess } = await import('@/envrisk/useQuickAssess')

function answer(level: EvaluationResult['level']): EvaluationResult {
  return { level, level_code: level === '一般' ? 'general' : 'larger', label: level, raised: false, table: { id: 1, version: 1, note: '', published_at: '2026-06-01T02:00:00Z' }, penalised_last_3_years: false, air: null, water: null, explanation: [] }
}

describe('在线速算 live result', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    evaluate.mockReset()
  })
  afterEach(() => vi.useRealTimers())

  it('grades once after the form rests, and drops an answer overtaken by a newer question', async () => {
    const scope = effectScope()
    const quick = scope.run(() => useQuickAssess())!
    let first: (r: EvaluationResult) => void = () => {}
    evaluate.mockImplementationOnce(() => new Promise((resolve) => (first = resolve)))
    evaluate.mockImplementationOnce(() => Promise.resolve(answer('较大')))

    quick.form.phase_out_units = 1
    await nextTick()
    quick.form.phase_out_units = 2
    await nextTick()
    vi.advanceTimersByTime(EVALUATE_DELAY_MS - 1)
    expect(evaluate).not.toHaveBeenCalled()
    vi.advanceTimersByTime(1)
    expect(evaluate).toHaveBeenCalledTimes(1)
    expect(evaluate.mock.calls[0][0].phase_out_units).toBe(2)

    quick.form.penalised_last_3_years = true
    await nextTick()
    vi.advanceTimersByTime(EVALUATE_DELAY_MS)
    await vi.runAllTimersAsync()
    expect(quick.result.value?.level).toBe('较大')
    first(answer('一般')) // the older answer arrives last
    await vi.runAllTimersAsync()
    expect(quick.result.value?.level).toBe('较大')
    scope.stop()
  })
})
