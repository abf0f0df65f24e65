import { ElMessage } from 'element-plus'
import { computed, ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { deleteRegion, listRegions } from '@/api/regions'
import type { Region, RegionLevel } from '@/api/types'
import { useConfirm } from '../../../composables/useConfirm'
import { useEditDialog } from '../../../composables/useEditDialog'
import { usePagedList } from '../../../composables/usePagedList'

const LEVELS: RegionLevel[] = ['province', 'city', 'district', 'street']

/** The level below `level`; provinces sit at the top, streets at the bottom. */
export function childLevel(level: RegionLevel | null): RegionLevel | null {
  if (level === null) return 'province'
  return LEVELS[LEVELS.indexOf(level) + 1] ?? null
}

/** Regions page: browse the tree one level at a time, with the path back up as a breadcrumb. */
export function useRegions() {
  const { t } = useI18n()
  const confirm = useConfirm()
  const trail = ref<Region[]>([])
  const parent = computed(() => trail.value.at(-1) ?? null)
  const nextLevel = computed(() => childLevel(parent.value?.level ?? null))

  const list = usePagedList(
    (query) => listRegions({ ...query, parent_id: parent.value?.id, level: parent.value ? undefined : 'province' }),
    () => ({ q: '' }),
  )
  const dialog = useEditDialog<Region>()

  function enter(region: Region): Promise<void> {
    trail.value = [...trail.value, region]
    list.filters.q = ''
    return list.search()
  }

  /** Goes back up to the trail entry at `index` (-1: the top). */
  function goTo(index: number): Promise<void> {
    trail.value = trail.value.slice(0, index + 1)
    list.filters.q = ''
    return list.search()
  }

  async function remove(region: Region): Promise<void> {
    if (!(await confirm(t('region.deleteConfirm', { name: region.name })))) return
    await deleteRegion(region.id)
    ElMessage.success(t('common.deleted'))
    await list.load()
  }

  return { trail, parent, nextLevel, list, dialog, enter, goTo, remove }
}
