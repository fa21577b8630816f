import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client'
import { dcPeople, users } from '../../../db/schema'

/**
 * The named parameters a connector may use, all taken from the signed-in user: a query or URL
 * can only ever ask about the caller, never about a person the form names.
 */
export const CONNECTOR_PARAMETERS = {
  userId: '用户 ID',
  username: '用户名',
  userNo: '学号/工号',
  unitId: '单位 ID',
  today: '今天的日期',
} as const
export type ConnectorParameter = keyof typeof CONNECTOR_PARAMETERS

export const isConnectorParameter = (name: string): name is ConnectorParameter => Object.hasOwn(CONNECTOR_PARAMETERS, name)

/** Parameter values for one user; `userNo` is null for accounts without a data-center record. */
export type ConnectorContext = Record<ConnectorParameter, string | null>

const shanghaiDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** `YYYY-MM-DD` of an instant in Asia/Shanghai. */
export const shanghaiDay = (at: Date) => shanghaiDate.format(at)

/** The parameter values of `userId` at `now` (today is the date in Asia/Shanghai). */
export async function connectorContext(db: Db, userId: string, now: Date): Promise<ConnectorContext> {
  const [row] = await db
    .select({ username: users.username, unitId: users.unitId, userNo: dcPeople.personNo })
    .from(users)
    .leftJoin(dcPeople, eq(dcPeople.userId, users.id))
    .where(eq(users.id, userId))
    .limit(1)
  return { userId, username: row?.username ?? null, unitId: row?.unitId ?? null, userNo: row?.userNo ?? null, today: shanghaiDay(now) }
}

/** The value of a parameter, or the reason the connector cannot run for this user. */
export function parameterValue(context: ConnectorContext, name: ConnectorParameter): string {
  const value = context[name]
  if (value === null) throw new ConnectorFailure(`当前用户没有${CONNECTOR_PARAMETERS[name]}，无法查询`)
  return value
}

/** A connector run that failed as a whole; the message (zh-CN) is shown to the form and to IT staff. */
export class ConnectorFailure extends Error {
  override name = 'ConnectorFailure'
}
