import { api, call } from '@hall/web-common'
import { ACTION_PATHS, type TaskAction } from './action-fields'

/**
 * POSTs one action to `/api/tasks/{id}/<action>`. The typed client builds the URL from property
 * names, so one call covers all ten routes; each body was shaped by `bodyOf` for its action and
 * the server validates it.
 */
export function sendAction(taskId: string, action: TaskAction, body: Record<string, unknown>) {
  const route = api.tasks[':id'][ACTION_PATHS[action] as 'agree']!
  return call(route.$post({ param: { id: taskId }, json: body as never }))
}
