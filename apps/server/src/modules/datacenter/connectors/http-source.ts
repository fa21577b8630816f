import type { HttpConnectorConfig } from '../../../db/schema'
import { ConnectorFailure, isConnectorParameter, parameterValue, type ConnectorContext } from './parameters'

const PLACEHOLDER = /\{([A-Za-z_][A-Za-z0-9_]*)\}/g

/** The parameter names a URL template uses, e.g. `userNo` in `https://x/api/students/{userNo}`. */
export const templateParameters = (template: string) => [...template.matchAll(PLACEHOLDER)].map((match) => match[1]!)

/** Fills a URL template, URL-encoding each value so it can never change the URL's structure. */
export function fillTemplate(template: string, context: ConnectorContext): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    if (!isConnectorParameter(name)) throw new ConnectorFailure(`未知的参数 {${name}}`)
    return encodeURIComponent(parameterValue(context, name))
  })
}

/**
 * Asks the endpoint for one user and returns the parsed JSON answer (undefined on 404: the source
 * knows nobody by that number). Every other failure — timeout, refused connection, an error
 * status, an answer over the size limit, a body that is not JSON — is a ConnectorFailure.
 */
export async function fetchJson(config: HttpConnectorConfig, context: ConnectorContext): Promise<unknown> {
  const url = fillTemplate(config.urlTemplate, context)
  const controller = new AbortController()
  const timer = setTimeout(() => controller.abort(), config.timeoutMs)
  try {
    const response = await fetch(url, {
      headers: { accept: 'application/json', ...Object.fromEntries(config.headers.map((h) => [h.name, h.value])) },
      signal: controller.signal,
      redirect: 'error',
    })
    if (response.status === 404) {
      await response.body?.cancel()
      return undefined
    }
    if (!response.ok) {
      await response.body?.cancel()
      throw new ConnectorFailure(`接口返回错误状态 HTTP ${response.status}`)
    }
    const text = await readLimited(response, config.maxBytes)
    try {
      return JSON.parse(text) as unknown
    } catch {
      throw new ConnectorFailure('接口返回的不是 JSON')
    }
  } catch (error) {
    if (error instanceof ConnectorFailure) throw error
    if (controller.signal.aborted) throw new ConnectorFailure(`超时（超过 ${config.timeoutMs} 毫秒没有回应）`)
    const cause = (error as { cause?: { code?: string } }).cause?.code
    throw new ConnectorFailure(`无法访问接口${cause ? `（${cause}）` : ''}`)
  } finally {
    clearTimeout(timer)
  }
}

/** Reads the body as UTF-8, stopping as soon as it passes `maxBytes` (a declared length over it stops at once). */
async function readLimited(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new ConnectorFailure(`接口返回内容超过 ${Math.round(maxBytes / 1024)} KB 上限`)
  if (Number(response.headers.get('content-length') ?? 0) > maxBytes) {
    await response.body?.cancel()
    throw tooLarge()
  }
  const chunks: Uint8Array[] = []
  let size = 0
  // A reader rather than `for await`: the body's type differs between the DOM and Node typings.
  const reader = response.body?.getReader()
  while (reader) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw tooLarge()
    }
    chunks.push(value)
  }
  return Buffer.concat(chunks).toString('utf8')
}
