import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config'

describe('loadConfig', () => {
  it('uses the embedded database on port 8787 when nothing is set', () => {
    const config = loadConfig({})
    expect(config.HALL_PORT).toBe(8787)
    expect(config.DATABASE_URL).toBeUndefined()
    expect(config.HALL_DATA_DIR).toBe('./data')
  })

  it('names the variable and what it expects when a value is wrong', () => {
    expect(() => loadConfig({ HALL_PORT: 'eighty' })).toThrow(ConfigError)
    expect(() => loadConfig({ HALL_PORT: 'eighty' })).toThrow(/HALL_PORT/)
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: expected a postgres/)
    expect(() => loadConfig({ HALL_COOKIE_SECURE: 'yes' })).toThrow(/HALL_COOKIE_SECURE/)
  })

  it('refuses single sign-on settings that are designed but not built, instead of ignoring them', () => {
    expect(() => loadConfig({ HALL_OIDC_ISSUER: 'https://idp.example' })).toThrow(/HALL_OIDC_ISSUER: OIDC/)
  })
})
