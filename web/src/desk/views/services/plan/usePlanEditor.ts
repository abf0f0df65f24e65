import { ElMessage } from 'element-plus'
import { computed, reactive, ref, shallowRef, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import { useRouter } from 'vue-router'
import { ApiError } from '@/api/http'
import { agreePlan, createPlan, getPlan, proposePlan, reopenPlan, returnPlan, updatePlan } from '@/api/plans'
import { listPolicies } from '@/api/policies'
import type { Policy, ServicePlan, StaffRef } from '@/api/types'
import { useDictionaryStore } from '@/stores/dictionaries'
import { useSessionStore } from '@/stores/session'
import { chinaDate } from '@/utils/time'
import { useConfirm } from '../../../composables/useConfirm'
import { useReasonPrompt } from '../../../composables/useReasonPrompt'
import { activeServiceTypes } from '../../../components/service-types'
import { blankPlan, planCreate, planForm, planUpdate, syncItems } from './model'
import { planStaffOptions } from './staff-options'

/**
 * The plan editor: a new plan (id null) or one plan with its history. Writers edit a draft or
 * returned plan and send it to the enterprise; the enterprise agrees or returns it with comments;
 * writers reopen an agreed plan to revise it.
 */
export function usePlanEditor(id: () => number | null) {
  const { t } = useI18n()
  const router = useRouter()
  const confirm = useConfirm()
  const prompt = useReasonPrompt()
  const session = useSessionStore()

  const plan = shallowRef<ServicePlan | null>(null)
  const loading = ref(false)
  const missing = ref(false)
  const busy = ref(false)
  const thisYear = Number(chinaDate().slice(0, 4))
  const form = reactive(blankPlan(thisYear))

  const orgType = computed(() => session.me?.org.type ?? '')
  /** Who the plan is between, chosen only when creating: an agency's own plans name the agency itself, an insurer's the insurer. */
  const choose = computed(() => ({
    agency: id() === null && orgType.value !== 'agency',
    insurer: id() === null && orgType.value !== 'insurer' && session.can(['org:read']),
  }))

  /** The steps the server offers the user on the plan now. */
  const actions = computed(() => plan.value?.actions ?? [])
  const editable = computed(() => (id() === null ? session.can(['plan:write']) : actions.value.includes('edit')))

  // service types: names of the chosen ones, from the catalog or the plan itself
  const typeNames = shallowRef(new Map<number, { name_zh: string; name_en: string }>())
  void activeServiceTypes().then((types) => {
    const names = new Map(typeNames.value)
    for (const type of types) names.set(type.id, { name_zh: type.name_zh, name_en: type.name_en })
    typeNames.value = names
  })
  const typeIds = computed({
    get: () => form.items.map((item) => item.service_type_id),
    set: (ids: number[]) => {
      form.items = syncItems(form.items, ids, (typeId) => typeNames.value.get(typeId) ?? { name_zh: `#${typeId}`, name_en: `#${typeId}` })
    },
  })

  // the agency's staff (searched) and the enterprise's policies (a few), offered as options
  const dict = useDictionaryStore()
  const staffLabel = (s: StaffRef) => `${s.name}（${dict.label('staff_kinds', s.kind)}·${dict.label('title_levels', s.title_level)}）`
  const staffOptions = computed(() => planStaffOptions(form.agency_org_id, plan.value?.staff ?? [], staffLabel, session.can(['staff:read'])))
  const policies = shallowRef<Policy[]>([])

  async function loadPolicies(enterprise: number | undefined): Promise<void> {
    policies.value = enterprise ? (await listPolicies({ enterprise_id: enterprise, limit: 100 })).items : []
  }

  watch(() => form.enterprise_id, (enterprise) => void loadPolicies(enterprise))

  function show(current: ServicePlan): void {
    plan.value = current
    Object.assign(form, planForm(current))
  }

  async function load(): Promise<void> {
    const current = id()
    if (current === null) {
      plan.value = null
      Object.assign(form, blankPlan(thisYear), { agency_org_id: orgType.value === 'agency' ? session.me?.org.id : undefined })
      return
    }
    loading.value = true
    try {
      show(await getPlan(current))
      missing.value = false
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 404)) throw error
      missing.value = true
    } finally {
      loading.value = false
    }
  }

  watch(id, () => void load(), { immediate: true })

  /** Saves the form; a new plan opens at its own address. Then sends it to the enterprise when asked. */
  async function save(thenPropose: boolean): Promise<void> {
    const current = id()
    let saved: ServicePlan
    if (current === null) {
      saved = await createPlan(planCreate(form))
    } else {
      saved = await updatePlan(current, planUpdate(form))
    }
    if (thenPropose) saved = await proposePlan(saved.id)
    ElMessage.success(t(thenPropose ? 'plan.proposed' : 'common.saved'))
    if (current === null) await router.replace({ name: 'service-plan', params: { id: saved.id } })
    else show(saved)
  }

  async function run(action: () => Promise<ServicePlan>, done: string): Promise<void> {
    busy.value = true
    try {
      show(await action())
      ElMessage.success(t(done))
    } finally {
      busy.value = false
    }
  }

  async function agree(): Promise<void> {
    const current = plan.value
    if (!current || !(await confirm(t('plan.agreeConfirm')))) return
    await run(() => agreePlan(current.id), 'plan.agreed')
  }

  async function sendBack(): Promise<void> {
    const current = plan.value
    if (!current) return
    const comments = await prompt(t('plan.return'), t('plan.returnComments'))
    if (comments === null) return
    await run(() => returnPlan(current.id, comments), 'plan.returned')
  }

  async function reopen(): Promise<void> {
    const current = plan.value
    if (!current) return
    const reason = await prompt(t('plan.reopen'), t('plan.reopenReason'))
    if (reason === null) return
    await run(() => reopenPlan(current.id, reason), 'plan.reopened')
  }

  return { plan, form, loading, missing, busy, choose, actions, editable, typeIds, typeNames, staffLabel, staffOptions, policies, load, save, agree, sendBack, reopen }
}
