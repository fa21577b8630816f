import { describe, expect, it } from 'vitest'
import { leaveForm, validLeave } from '../../test/fixtures'
import { maskSensitive, maskValue } from './mask'

describe('maskValue', () => {
  it.each([
    ['idCard', '110105194912311234', '110105********1234'],
    ['phone', '13812345678', '138****5678'],
    ['phone', '0591-87654321', '059******4321'],
    ['name', '张三', '张*'],
    ['name', '欧阳娜娜', '欧***'],
    ['name', '张', '张'],
    ['bankCard', '6222 0212 3456 7890', '6222********7890'],
    ['address', '北京市朝阳区建国路88号', '北京市朝阳区****'],
    ['address', '福州', '福****'],
    ['phone', '110', '1**'],
  ] as const)('masks %s %s as %s', (kind, value, expected) => {
    expect(maskValue(kind, value)).toBe(expected)
  })

  it('leaves values that are not text alone', () => {
    expect(maskValue('name', null)).toBeNull()
  })
})

describe('maskSensitive', () => {
  it('masks every sensitive field for a viewer without need and leaves the input alone', () => {
    const masked = maskSensitive(validLeave, leaveForm, false)
    expect(masked).toMatchObject({
      name: '张*',
      idCard: '110105********002X',
      phone: '138****5678',
      leaveType: 'personal',
    })
    expect(validLeave.name).toBe('张三')
  })

  it('shows everything to a viewer with need', () => {
    expect(maskSensitive(validLeave, leaveForm, true)).toEqual(validLeave)
  })

  it('decides per kind when given a function', () => {
    const masked = maskSensitive(validLeave, leaveForm, (kind) => kind === 'phone')
    expect(masked).toMatchObject({ phone: '13812345678', idCard: '110105********002X' })
  })
})
