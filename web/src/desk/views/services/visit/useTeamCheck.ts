import { onScopeDispose, ref, shallowRef, watch } from 'vue'
import { ApiError } from '@/api/http'
import type { TeamCheckResult, VisitCreate } from '@/api/types'
import { checkTeam } from '@/api/visits'

/**
 * Checks the visit being planned against the staffing and duration rules while the user edits it
 * (POST /visits/team-check, debounced): `result` is the server's answer for the latest form, or
 * null while the form lacks what the check needs (`payload` returns null then). Other problems of
 * the form the server reports (an unknown plan, a member not of the agency) are in `problems`.
 * Answers to older forms are dropped.
 */
export function useTeamCheck(payload: () => VisitCreate | null, delay = 400) {
  const result = shallowRef<TeamCheckResult | null>(null)
  const problems = shallowRef<string[]>([])
  const checking = ref(false)
  let timer: ReturnType<typeof setTimeout> | undefined
  let latest = 0

  async function run(body: VisitCreate, request: number): Promise<void> {
    try {
      const answer = await checkTeam(body)
      if (request !== latest) return
      result.value = answer
      problems.value = []
    } catch (error) {
      if (request !== latest) return
      result.value = null
      problems.value =
        error instanceof ApiError && error.fieldErrors.length ? error.fieldErrors.map((e) => e.message) : [error instanceof Error ? error.message : String(error)]
    } finally {
      if (request === latest) checking.value = false
    }
  }

  function schedule(): void {
    clearTimeout(timer)
    const request = ++latest
    const body = payload()
    if (!body) {
      result.value = null
      problems.value = []
      checking.value = false
      return
    }
    checking.value = true
    timer = setTimeout(() => void run(body, request), delay)
  }

  // compared as text: a change that leaves the form as it was sends nothing new
  watch(() => JSON.stringify(payload()), schedule, { immediate: true })
  onScopeDispose(() => clearTimeout(timer))

  return { result, problems, checking, recheck: schedule }
}
