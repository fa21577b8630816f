/**
 * Choices for the assignee picker from the signed-in administrator's unit: users, posts,
 * departments (loaded once per page), and the fixed staff roles.
 */
import { api, call } from '@hall/web-common'
import { ref } from 'vue'

export interface Option {
  value: string
  label: string
}

/** Role grants that make sense as task assignees, with their Chinese names. */
export const ASSIGNABLE_ROLES: Option[] = [
  { value: 'approver', label: '审批人员' },
  { value: 'window_staff', label: '窗口工作人员' },
  { value: 'hall_admin', label: '大厅管理员' },
  { value: 'unit_admin', label: '单位管理员' },
]

const users = ref<Option[]>([])
const posts = ref<Option[]>([])
const loadError = ref(false)
let loading: Promise<void> | undefined

async function load(): Promise<void> {
  try {
    const [userPage, postList, deptList] = await Promise.all([
      call(api.org.users.$get({ query: { limit: '500' } })),
      call(api.org.posts.$get({ query: {} })),
      call(api.org.departments.$get({ query: {} })),
    ])
    const deptName = new Map(deptList.items.map((d) => [d.id, d.name]))
    users.value = userPage.items.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }))
    posts.value = postList.items.map((p) => ({ value: p.id, label: `${p.name}${deptName.has(p.deptId) ? ` · ${deptName.get(p.deptId)}` : ''}` }))
  } catch {
    loadError.value = true
    loading = undefined
  }
}

export function useOrgOptions() {
  loading ??= load()
  return { users, posts, roles: ASSIGNABLE_ROLES, loadError }
}
