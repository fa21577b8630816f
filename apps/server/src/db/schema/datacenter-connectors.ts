import type { SensitiveKind } from '@hall/form-schema'
import { sql } from 'drizzle-orm'
import { boolean, check, jsonb, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core'
import { units } from './org'
import { at } from './columns'

/**
 * External data-center sources configured by IT staff without code (DOMAIN.md §7): a read-only
 * SQL query on an external PostgreSQL schema, or an HTTP JSON endpoint. Each offers pre-fill paths
 * `dc:ext.<code>.<name>` resolved for the signed-in user.
 */

export const CONNECTOR_KINDS = ['postgres', 'http'] as const
export type ConnectorKind = (typeof CONNECTOR_KINDS)[number]

export const CONNECTOR_VALUE_TYPES = ['string', 'number', 'boolean', 'date'] as const
export type ConnectorValueType = (typeof CONNECTOR_VALUE_TYPES)[number]

/** The kinds of personal data an output may be marked as (masked like form fields of that kind). */
export const CONNECTOR_SENSITIVE_KINDS = ['idCard', 'phone', 'name', 'bankCard', 'address'] as const satisfies readonly SensitiveKind[]

/** One value a connector offers: where it is read in the answer and the pre-fill name it gets. */
export interface ConnectorOutput {
  /** Column name (PostgreSQL) or JSON path such as `data.items[0].name` (HTTP). */
  source: string
  /** The last part of the pre-fill path `dc:ext.<code>.<name>`. */
  name: string
  label: string
  type: ConnectorValueType
  /** Personal data: never shown as a catalog sample, masked in test runs. */
  sensitive?: (typeof CONNECTOR_SENSITIVE_KINDS)[number]
}

export interface PostgresConnectorConfig {
  kind: 'postgres'
  /** `postgres://user:password@host:5432/db`: stored as given, returned with the password masked. */
  url: string
  /** One SELECT with named parameters such as `:userNo`. */
  query: string
  timeoutMs: number
}

export interface HttpConnectorConfig {
  kind: 'http'
  /** `https://host/api/students/{userNo}`; parameters are URL-encoded. */
  urlTemplate: string
  headers: { name: string; value: string; secret: boolean }[]
  timeoutMs: number
  maxBytes: number
}

export type ConnectorConfig = PostgresConnectorConfig | HttpConnectorConfig

export const dcConnectors = pgTable(
  'dc_connectors',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    code: text('code').notNull(),
    name: text('name').notNull(),
    kind: text('kind', { enum: CONNECTOR_KINDS }).notNull(),
    config: jsonb('config').$type<ConnectorConfig>().notNull(),
    outputs: jsonb('outputs').$type<ConnectorOutput[]>().notNull(),
    enabled: boolean('enabled').notNull().default(true),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('dc_connectors_unit_code').on(t.unitId, t.code),
    check('dc_connectors_kind_matches', sql`${t.config}->>'kind' = ${t.kind}`),
  ],
)
