import { describe, expect, it } from 'vitest'
import { ApiError } from '../api/api-error'
import { createHallI18n } from '../i18n'
import { describeError } from './describe-error'

function i18nIn(locale: 'zh-CN' | 'en') {
  const { global } = createHallI18n()
  global.locale.value = locale
  return global
}

describe('describeError', () => {
  it("uses the server's zh-CN message in Chinese", () => {
    const error = new ApiError(401, {
      code: 'LOGIN_FAILED',
      message: '用户名或密码错误，还可尝试 2 次',
    })
    expect(describeError(error, i18nIn('zh-CN'))).toBe('用户名或密码错误，还可尝试 2 次')
  })

  it('translates a known code in English', () => {
    const error = new ApiError(401, { code: 'LOGIN_FAILED', message: '用户名或密码错误' })
    expect(describeError(error, i18nIn('en'))).toBe('Wrong username or password.')
  })

  it("falls back to the server's message for a code it does not know", () => {
    const error = new ApiError(409, { code: 'VERSION_CONFLICT', message: '数据已被他人修改' })
    expect(describeError(error, i18nIn('en'))).toBe('数据已被他人修改')
  })

  it('names the code when nobody wrote a message', () => {
    expect(describeError(new ApiError(500, { code: 'INTERNAL' }), i18nIn('zh-CN'))).toBe(
      '操作失败（INTERNAL），请稍后重试。',
    )
  })

  it('gives the HTTP status of a response that is not ours', () => {
    const error = new ApiError(502, { code: 'UNEXPECTED_RESPONSE' })
    expect(describeError(error, i18nIn('zh-CN'))).toBe(
      '服务器暂时无法处理请求（502），请稍后重试。',
    )
  })
})
