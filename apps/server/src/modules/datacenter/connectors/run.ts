import type { ConnectorConfig, ConnectorOutput, ConnectorValueType } from '../../../db/schema'
import { fetchJson } from './http-source'
import { JsonShapeError, parseJsonPath, readJsonPath } from './json-path'
import { ConnectorFailure, shanghaiDay, type ConnectorContext } from './parameters'
import { queryPostgres } from './postgres-source'

/** One offered value for one user: the value (undefined when the source has none) or why it is missing. */
export type OutputOutcome = { value: unknown } | { error: string }

/** A connector's answer for one user: per output name, or one failure for all of them. */
export type ConnectorAnswer = { ok: true; outputs: Record<string, OutputOutcome> } | { ok: false; error: string }

/** Turns a source value into the declared type; a value that does not fit is an error, never a guess. */
export function coerce(value: unknown, type: ConnectorValueType): OutputOutcome {
  if (value === null || value === undefined || value === '') return { value: undefined }
  const wrong = { error: `类型不符：应为 ${type}，实际为 ${JSON.stringify(value).slice(0, 40)}` }
  switch (type) {
    case 'string':
      if (value instanceof Date) return { value: value.toISOString() }
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint' ? { value: String(value) } : wrong
    case 'number': {
      const n = typeof value === 'number' ? value : typeof value === 'string' || typeof value === 'bigint' ? Number(value) : Number.NaN
      return Number.isFinite(n) ? { value: n } : wrong
    }
    case 'boolean':
      return typeof value === 'boolean' ? { value } : value === 'true' || value === 'false' ? { value: value === 'true' } : wrong
    case 'date':
      if (value instanceof Date && !Number.isNaN(value.getTime())) return { value: shanghaiDay(value) }
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? { value: value.slice(0, 10) } : wrong
  }
}

function fromRow(row: Record<string, unknown> | undefined, output: ConnectorOutput): OutputOutcome {
  if (row === undefined) return { value: undefined }
  if (!Object.hasOwn(row, output.source)) return { error: `查询结果中没有列 ${output.source}` }
  return coerce(row[output.source], output.type)
}

function fromDocument(document: unknown, output: ConnectorOutput): OutputOutcome {
  const steps = parseJsonPath(output.source)
  if (!steps) return { error: `JSON 路径不合法：${output.source}` }
  try {
    return coerce(readJsonPath(document, steps), output.type)
  } catch (error) {
    if (error instanceof JsonShapeError) return { error: `返回内容结构不符：${error.message}` }
    throw error
  }
}

/** Runs a connector for one user. Never throws for the source's faults: they come back as `ok: false`. */
export async function runConnector(config: ConnectorConfig, outputs: readonly ConnectorOutput[], context: ConnectorContext): Promise<ConnectorAnswer> {
  try {
    let read: (output: ConnectorOutput) => OutputOutcome
    if (config.kind === 'postgres') {
      const row = await queryPostgres(config, context)
      read = (output) => fromRow(row, output)
    } else {
      const document = await fetchJson(config, context)
      read = (output) => (document === undefined ? { value: undefined } : fromDocument(document, output))
    }
    return { ok: true, outputs: Object.fromEntries(outputs.map((output) => [output.name, read(output)])) }
  } catch (error) {
    if (error instanceof ConnectorFailure) return { ok: false, error: error.message }
    throw error
  }
}
