import postgres from 'postgres'
import type { PostgresConnectorConfig } from '../../../db/schema'
import { ConnectorFailure, parameterValue, type ConnectorContext } from './parameters'
import { compileQuery } from './sql-query'

/** SQLSTATEs an IT admin can act on, in their words. */
const MESSAGES: Record<string, string> = {
  '57014': '查询超时',
  '25006': '查询试图写入数据，已按只读拒绝',
  '28P01': '数据库用户名或密码错误',
  '28000': '数据库拒绝了该用户',
  '3D000': '数据库不存在',
  '42P01': '查询的表不存在',
  '42703': '查询的列不存在',
  '42501': '数据库用户没有读取权限',
}

/**
 * Runs the connector's query for one user on its external database and returns the first row
 * (undefined when there is none). Read-only three times over: the session default, the
 * transaction mode and the checked query text; parameters are bound, never spliced into the SQL.
 */
export async function queryPostgres(config: PostgresConnectorConfig, context: ConnectorContext): Promise<Record<string, unknown> | undefined> {
  const checked = compileQuery(config.query)
  if (!checked.ok) throw new ConnectorFailure(`查询不合法：${checked.problems.join('；')}`)
  const values = checked.query.parameters.map((name) => parameterValue(context, name))
  const sql = postgres(config.url, {
    max: 1,
    prepare: false,
    idle_timeout: 1,
    connect_timeout: Math.max(1, Math.ceil(config.timeoutMs / 1000)),
    onnotice: () => {},
    connection: { application_name: 'hall-connector', default_transaction_read_only: true, statement_timeout: config.timeoutMs },
  })
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new ConnectorFailure(`超时（超过 ${config.timeoutMs} 毫秒没有结果）`)), config.timeoutMs + 100)
  })
  try {
    const rows = await Promise.race([
      sql.begin('read only', async (tx) => {
        await tx.unsafe(`set local statement_timeout = ${config.timeoutMs}`)
        return tx.unsafe(checked.query.text, values)
      }),
      deadline,
    ])
    return rows[0] as Record<string, unknown> | undefined
  } catch (error) {
    throw asFailure(error, config.timeoutMs)
  } finally {
    clearTimeout(timer)
    void sql.end({ timeout: 0 })
  }
}

function asFailure(error: unknown, timeoutMs: number): ConnectorFailure {
  if (error instanceof ConnectorFailure) return error
  const { code, message } = error as { code?: string; message?: string }
  if (code === '57014') return new ConnectorFailure(`超时（超过 ${timeoutMs} 毫秒没有结果）`)
  if (code && MESSAGES[code]) return new ConnectorFailure(`${MESSAGES[code]}：${message ?? ''}`)
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'CONNECT_TIMEOUT') return new ConnectorFailure(`无法连接数据库（${code}）`)
  return new ConnectorFailure(`查询出错：${message ?? String(error)}`)
}
