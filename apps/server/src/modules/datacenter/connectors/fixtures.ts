import { json, type UserClient } from '../../../../test/harness'

/** Helpers shared by the connector suites (imported by tests only). */

export interface PrefillAnswer {
  values: Record<string, unknown>
  failures: { path: string; field: string; reason: string; message: string; notice: string }[]
}

export interface SavedConnector {
  id: string
  code: string
  config: Record<string, unknown>
  outputs: { name: string; path: string }[]
}

/** A form whose fields pre-fill from the given paths (field name → `x-prefill`). */
export const prefillForm = (fields: Record<string, string>) => ({
  type: 'object',
  properties: Object.fromEntries(Object.entries(fields).map(([name, path]) => [name, { type: 'string', title: name, 'x-component': 'Input', 'x-prefill': path }])),
})

export async function prefill(client: UserClient, fields: Record<string, string>): Promise<PrefillAnswer> {
  const response = await client.post('/api/datacenter/prefill', { schema: prefillForm(fields) })
  if (response.status !== 200) throw new Error(`prefill: ${response.status} ${await response.text()}`)
  return json<PrefillAnswer>(response)
}

export async function createConnector(admin: UserClient, body: unknown): Promise<SavedConnector> {
  const response = await admin.post('/api/datacenter/connectors', body)
  if (response.status !== 201) throw new Error(`create connector: ${response.status} ${await response.text()}`)
  return json<SavedConnector>(response)
}
