/** The whole database schema, one file per area. Migrations in ../../../drizzle are generated from it. */
export * from './org'
export * from './auth'
export * from './audit'
export * from './datacenter'
export * from './engine'
export * from './items'
export * from './cases'
