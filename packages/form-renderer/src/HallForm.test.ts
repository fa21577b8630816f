import { describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { validate } from '@hall/form-schema'
import { HallForm } from '@hall/form-renderer'
import { leaveDictionaries, leaveForm, validLeave } from '../fixture/schemas'

type Props = InstanceType<typeof HallForm>['$props']

async function render(props: Partial<Props> = {}) {
  const wrapper = mount(HallForm, {
    props: { schema: leaveForm, dictionaries: leaveDictionaries, ...props },
  })
  await flushPromises()
  return wrapper
}

/** The FormItem around the field titled `label`. */
function item(wrapper: Awaited<ReturnType<typeof render>>, label: string) {
  const found = wrapper
    .findAll('.formily-element-plus-form-item')
    .find((el) => el.find('label').text() === label)
  if (!found) throw new Error(`Expected a form item labelled ${label}, but there is none.`)
  return found
}

function lastValues(wrapper: Awaited<ReturnType<typeof render>>): Record<string, unknown> {
  const events = wrapper.emitted('update:modelValue') ?? []
  return (events.at(-1)?.[0] ?? {}) as Record<string, unknown>
}

describe('HallForm in edit mode', () => {
  it('shows a field a declarative reaction reveals, and marks it required', async () => {
    const wrapper = await render({ modelValue: { ...validLeave } })
    expect(wrapper.text()).not.toContain('医院证明')

    await wrapper.setProps({ modelValue: { ...validLeave, leaveType: 'sick' } })
    await flushPromises()

    expect(
      item(wrapper, '医院证明').find('.formily-element-plus-form-item-asterisk').exists(),
    ).toBe(true)
  })

  it("still runs Formily's own expression reactions", async () => {
    const schema = {
      type: 'object',
      properties: {
        kind: { type: 'string', title: '类型', 'x-component': 'Input' },
        extra: {
          type: 'string',
          title: '补充',
          'x-component': 'Input',
          'x-reactions': {
            dependencies: ['kind'],
            fulfill: { state: { visible: '{{$deps[0] === "other"}}' } },
          },
        },
      },
    } as const
    const wrapper = await render({ schema, modelValue: { kind: 'a' } })
    expect(wrapper.text()).not.toContain('补充')

    await item(wrapper, '类型').find('input').setValue('other')
    await flushPromises()
    expect(wrapper.text()).toContain('补充')
  })

  it('works out the total of the expense column as rows are edited', async () => {
    const wrapper = await render({ modelValue: { ...validLeave } })
    const amount = wrapper
      .findAll('[data-test=sub-table-row]')[1]!
      .findAll('input[type=number]')[0]!

    await amount.setValue('1000')
    await amount.trigger('change')
    await flushPromises()

    expect(lastValues(wrapper)['total']).toBe(1120.5)
    expect(item(wrapper, '合计').find('[data-test=money-capital]').text()).toBe(
      '壹仟壹佰贰拾元伍角',
    )
  })

  it('counts the days between two dates', async () => {
    const wrapper = await render({ modelValue: { ...validLeave, end: '2026-11-30' } })
    await flushPromises()
    expect((item(wrapper, '天数').find('input').element as HTMLInputElement).value).toBe('8')
  })

  it('blocks submit and shows the errors validate reports on their fields', async () => {
    const wrapper = await render({ modelValue: { expenses: [{ kind: 'other' }] } })
    const form = wrapper.vm as unknown as { submit(): ReturnType<typeof validate> }

    const result = form.submit()
    await flushPromises()

    expect(wrapper.emitted('submit')).toBeUndefined()
    const expected = validate(
      leaveForm,
      { expenses: [{ kind: 'other' }] },
      { dictionaries: leaveDictionaries },
    )
    expect(result.errors).toEqual(expected.errors)
    expect(item(wrapper, '姓名').text()).toContain('“姓名”为必填项')
    expect(wrapper.find('[data-test=error-summary]').text()).toContain(
      `有 ${expected.errors.length} 处需要修改`,
    )
    // Row errors land on the cells of the sub-table.
    const note = wrapper.findAll('[data-test=sub-table-row]')[0]!.find('input[aria-label=说明]')
    expect(note.attributes('aria-invalid')).toBe('true')
  })

  it('clears an error once the field is fixed, and submits what validate returns', async () => {
    const { name: _name, ...withoutName } = validLeave
    const wrapper = await render({ modelValue: withoutName })
    const form = wrapper.vm as unknown as { submit(): ReturnType<typeof validate> }
    expect(form.submit().ok).toBe(false)

    await item(wrapper, '姓名').find('input').setValue('李四')
    await flushPromises()
    expect(item(wrapper, '姓名').text()).not.toContain('必填')
    expect(form.submit().ok).toBe(true)

    expect(wrapper.emitted('submit')).toEqual([[{ ...validLeave, name: '李四' }]])
  })

  it('hides fields a step hides and locks fields it makes read-only', async () => {
    const wrapper = await render({
      modelValue: { ...validLeave },
      permissions: { phone: 'hidden', name: 'readOnly' },
    })

    expect(wrapper.text()).not.toContain('手机号')
    expect(item(wrapper, '姓名').find('input').attributes('readonly')).toBeDefined()
    expect(item(wrapper, '事由').find('textarea').attributes('readonly')).toBeUndefined()
  })

  it('locks and hides sub-table columns by permission', async () => {
    const wrapper = await render({
      modelValue: { ...validLeave },
      permissions: { 'expenses.amount': 'readOnly', 'expenses.note': 'hidden' },
    })
    const row = wrapper.findAll('[data-test=sub-table-row]')[0]!

    expect(row.find('input[aria-label=金额]').attributes('disabled')).toBeDefined()
    expect(row.find('select[aria-label=费用类型]').attributes('disabled')).toBeUndefined()
    expect(row.find('[aria-label=说明]').exists()).toBe(false)
  })

  it('adds and removes sub-table rows', async () => {
    const wrapper = await render({ modelValue: { ...validLeave } })
    expect(wrapper.findAll('[data-test=sub-table-row]')).toHaveLength(2)

    await wrapper.find('[data-test=sub-table-add]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-test=sub-table-row]')).toHaveLength(3)

    await wrapper.findAll('[data-test=sub-table-remove]')[0]!.trigger('click')
    await flushPromises()
    expect(lastValues(wrapper)['expenses']).toEqual([{ kind: 'hotel', amount: 300 }, {}])
    expect(lastValues(wrapper)['total']).toBe(300)
  })
})

describe('HallForm in read-only and print modes', () => {
  it.each(['readOnly', 'print'] as const)(
    '%s shows the values as text, masked, with no inputs',
    async (mode) => {
      const wrapper = await render({ mode, values: validLeave })

      expect(wrapper.find('input').exists()).toBe(false)
      const text = wrapper.find('[data-test=print-view]').text()
      expect(text).toContain('张*')
      expect(text).toContain('138****5678')
      expect(text).toContain('事假')
      expect(text).toContain('¥420.50（肆佰贰拾元伍角）')
      expect(text).toContain('火车票')
      expect(text).not.toContain('医院证明')
    },
  )

  it('shows sensitive values in clear to a viewer allowed to see them', async () => {
    const wrapper = await render({ mode: 'print', values: validLeave, viewerCanSeeSensitive: true })
    expect(wrapper.text()).toContain('13812345678')
  })

  it('speaks English when asked', async () => {
    const wrapper = await render({
      mode: 'print',
      values: { ...validLeave, expenses: [] },
      locale: 'en',
    })
    expect(wrapper.text()).toContain('No rows')
  })
})
