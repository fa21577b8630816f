import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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

  it('stores uploads in the database with a 20 MB cap unless told otherwise', () => {
    const config = loadConfig({})
    expect(config.HALL_FILES_DIR).toBeUndefined()
    expect(config.HALL_UPLOAD_MAX_MB).toBe(20)
  })

  it('refuses a files folder that does not exist or is a file, at start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hall-files-'))
    try {
      expect(loadConfig({ HALL_FILES_DIR: dir }).HALL_FILES_DIR).toBe(dir)
      expect(() => loadConfig({ HALL_FILES_DIR: join(dir, 'missing') })).toThrow(/HALL_FILES_DIR: expected an existing folder/)
      writeFileSync(join(dir, 'plain'), 'x')
      expect(() => loadConfig({ HALL_FILES_DIR: join(dir, 'plain') })).toThrow(/HALL_FILES_DIR/)
      expect(() => loadConfig({ HALL_UPLOAD_MAX_MB: '0' })).toThrow(/HALL_UPLOAD_MAX_MB/)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
