import type { ApiSession } from './api-client'

/**
 * Installs a built-in template (templates/<id>) as a published item of the signed-in hall
 * administrator's unit, handled by the department with this code; `posts` maps the template's
 * post codes onto posts the unit has. Answers the item's id.
 */
export async function installTemplate(
  hall: ApiSession,
  templateId: string,
  deptCode: string,
  posts: Record<string, string> = {},
): Promise<string> {
  const { items: depts } = await hall.get<{ items: { id: string; code: string }[] }>(
    '/api/org/departments',
  )
  const dept = depts.find((entry) => entry.code === deptCode)
  if (!dept)
    throw new Error(`no department ${deptCode} in ${depts.map((entry) => entry.code).join(', ')}`)
  const { itemId } = await hall.post<{ itemId: string }>(`/api/templates/${templateId}/install`, {
    deptId: dept.id,
    posts,
  })
  return itemId
}
