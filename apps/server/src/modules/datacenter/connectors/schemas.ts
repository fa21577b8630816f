import { z } from '@hono/zod-openapi'
import { CONNECTOR_SENSITIVE_KINDS, CONNECTOR_VALUE_TYPES } from '../../../db/schema'
import { Name } from '../../org/schemas'
import { templateParameters } from './http-source'
import { parseJsonPath } from './json-path'
import { CONNECTOR_PARAMETERS, isConnectorParameter } from './parameters'
import { compileQuery } from './sql-query'

/** The connector code is the middle of its pre-fill paths `dc:ext.<code>.<name>`, so no dots. */
const ConnectorCode = z.string().trim().regex(/^[a-z][a-z0-9_]{0,31}$/, '编码须以小写字母开头，只含小写字母、数字和下划线，最多 32 位')
const Timeout = z.number().int().min(50, '超时不能少于 50 毫秒').max(30_000, '超时不能超过 30000 毫秒').default(3000)
const known = Object.keys(CONNECTOR_PARAMETERS).join('、')

const Output = z.strictObject({
  source: z.string().trim().min(1, '请填写列名或 JSON 路径').max(200),
  name: z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, '名称须以字母开头，只含字母、数字和下划线'),
  label: z.string().trim().min(1, '请填写显示名称').max(100),
  type: z.enum(CONNECTOR_VALUE_TYPES),
  sensitive: z.enum(CONNECTOR_SENSITIVE_KINDS).optional(),
})

const PostgresConfig = z.strictObject({
  kind: z.literal('postgres'),
  url: z
    .string()
    .max(2000)
    .refine((url) => URL.canParse(url) && /^postgres(ql)?:$/.test(new URL(url).protocol), '连接地址须形如 postgres://用户:密码@主机:5432/数据库'),
  query: z
    .string()
    .min(1, '请填写查询语句')
    .max(20_000)
    .superRefine((query, ctx) => {
      const checked = compileQuery(query)
      if (!checked.ok) ctx.addIssue({ code: 'custom', message: `${checked.problems.join('；')}（可用参数：${known}）` })
    }),
  timeoutMs: Timeout,
})

const Header = z.strictObject({
  name: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, '请求头名称只能包含字母、数字和连字符'),
  value: z.string().max(4000).refine((value) => !/[\r\n]/.test(value), '请求头的值不能换行'),
  /** Tokens and keys: stored, never shown again (read back as ******). */
  secret: z.boolean().default(false),
})

const HttpConfig = z.strictObject({
  kind: z.literal('http'),
  urlTemplate: z
    .string()
    .max(2000)
    .refine((url) => URL.canParse(url.replace(/\{[^}]*\}/g, 'x')) && /^https?:\/\//.test(url), '地址须以 http:// 或 https:// 开头')
    .superRefine((url, ctx) => {
      const unknown = templateParameters(url).filter((name) => !isConnectorParameter(name))
      if (unknown.length) ctx.addIssue({ code: 'custom', message: `未知的参数 ${unknown.map((n) => `{${n}}`).join('、')}（可用参数：${known}）` })
    }),
  headers: z.array(Header).max(20).default([]),
  timeoutMs: Timeout,
  maxBytes: z.number().int().min(1024).max(5 * 1024 * 1024).default(1024 * 1024),
})

/** What IT staff save: a connector of either kind and the values it offers. */
export const ConnectorInput = z
  .strictObject({
    code: ConnectorCode,
    name: Name,
    config: z.discriminatedUnion('kind', [PostgresConfig, HttpConfig]),
    outputs: z.array(Output).min(1, '至少配置一个取值').max(100),
    enabled: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>()
    input.outputs.forEach((output, index) => {
      if (seen.has(output.name)) ctx.addIssue({ code: 'custom', path: ['outputs', index, 'name'], message: `名称重复：${output.name}` })
      seen.add(output.name)
      if (input.config.kind === 'http' && !parseJsonPath(output.source)) {
        ctx.addIssue({ code: 'custom', path: ['outputs', index, 'source'], message: 'JSON 路径须形如 data.items[0].name' })
      }
    })
  })
  .openapi('ConnectorInput')
export type ConnectorInput = z.output<typeof ConnectorInput>

export const ConnectorView = z
  .object({
    id: z.string(),
    unitId: z.string(),
    code: z.string(),
    name: z.string(),
    kind: z.enum(['postgres', 'http']),
    config: z.record(z.string(), z.unknown()),
    outputs: z.array(Output.extend({ path: z.string() })),
    enabled: z.boolean(),
    updatedAt: z.string(),
  })
  .openapi('Connector')
