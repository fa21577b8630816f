import { sql } from 'drizzle-orm'
import type { Db } from '../../db/client'

/**
 * Worker step: turns the engine's `task.warned` / `task.overdue` history events of case steps into
 * supervision alerts, one per step and level (the unique index keeps it so under any number of
 * workers), naming who should be told: the step's assignees and the window head. Notifications
 * will deliver them; until then the board and this table show them. Returns how many it added.
 */
export async function recordAlerts(db: Db, now: Date): Promise<number> {
  const result = await db.execute(sql`
    insert into supervision_alerts (id, unit_id, case_id, task_id, level, at, notify, created_at)
    select gen_random_uuid()::text, c.unit_id, c.id, h.task_id,
           case when h.type = 'task.warned' then 'warn' else 'overdue' end,
           h.at,
           array(select distinct u from unnest(
             array(select jsonb_array_elements_text(coalesce(h.data->'assignees', '[]'::jsonb))) || array_remove(array[d.head_user_id], null)
           ) as u),
           ${now.toISOString()}::timestamptz
    from engine_history h
    join cases c on c.instance_id = h.instance_id
    join departments d on d.id = c.dept_id
    where h.type in ('task.warned', 'task.overdue') and h.task_id is not null
      and not exists (select 1 from supervision_alerts a where a.task_id = h.task_id
                      and a.level = case when h.type = 'task.warned' then 'warn' else 'overdue' end)
    on conflict (task_id, level) do nothing`)
  return affected(result)
}

/** Row count of an INSERT on either driver (postgres.js: `count`, PGlite: `affectedRows`). */
function affected(result: unknown): number {
  const r = result as { count?: number; affectedRows?: number }
  return Number(r.count ?? r.affectedRows ?? 0)
}
