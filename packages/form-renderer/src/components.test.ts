import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { SUPPORTED_COMPONENTS, type FormSchema } from '@hall/form-schema'
import {
  components,
  HallForm,
  UploadRefusedError,
  type FormServices,
} from '@hall/form-renderer'
import { COMPONENT_ALIASES } from './formily/components'

/** Every supported component once, the way a designer would place them. */
const everything = {
  type: 'object',
  properties: {
    tabs: {
      type: 'void',
      'x-component': 'FormTab',
      properties: {
        basic: {
          type: 'void',
          title: '基本信息',
          'x-component': 'FormTab.TabPane',
          properties: {
            grid: {
              type: 'void',
              'x-component': 'FormGrid',
              properties: {
                text: { type: 'string', title: '单行文本', 'x-component': 'Input' },
                note: { type: 'string', title: '多行文本', 'x-component': 'Input.TextArea' },
                count: { type: 'integer', title: '数量', 'x-component': 'NumberPicker' },
                fee: { type: 'number', title: '金额', 'x-component': 'Money' },
                kind: {
                  type: 'string',
                  title: '类别',
                  'x-component': 'Select',
                  enum: ['甲', '乙'],
                },
                sex: {
                  type: 'string',
                  title: '性别',
                  'x-component': 'Radio.Group',
                  'x-dictionary': 'sex',
                },
                hobbies: {
                  type: 'string[]',
                  title: '爱好',
                  'x-component': 'Checkbox.Group',
                  enum: ['读书', '跑步'],
                },
                agree: { type: 'boolean', title: '同意', 'x-component': 'Switch' },
              },
            },
          },
        },
        more: {
          type: 'void',
          title: '更多',
          'x-component': 'FormTab.TabPane',
          properties: {
            period: { type: 'string[]', title: '期间', 'x-component': 'DateRangePicker' },
            at: { type: 'string', title: '时间', 'x-component': 'TimePicker' },
            region: {
              type: 'string[]',
              title: '地区',
              'x-component': 'Cascader',
              'x-component-props': { optionTree: 'regions' },
            },
          },
        },
      },
    },
    panels: {
      type: 'void',
      'x-component': 'FormCollapse',
      properties: {
        people: {
          type: 'void',
          title: '人员',
          'x-component': 'FormCollapse.CollapsePanel',
          properties: {
            owner: { type: 'string', title: '经办人', 'x-component': 'UserPicker' },
            dept: { type: 'string', title: '部门', 'x-component': 'DeptPicker' },
          },
        },
      },
    },
    line: { type: 'void', title: '材料', 'x-component': 'Divider' },
    notice: { type: 'void', 'x-component': 'StaticText', 'x-content': '请如实填写' },
    files: {
      type: 'array',
      title: '附件',
      'x-component': 'Upload',
      'x-component-props': { accept: '.pdf', maxSizeMB: 1 },
    },
    items: {
      type: 'array',
      title: '明细',
      'x-component': 'ArrayTable',
      items: {
        type: 'object',
        properties: { name: { type: 'string', title: '名称', 'x-component': 'Input' } },
      },
    },
    sign: { type: 'string', title: '签名', 'x-component': 'Signature' },
    wrapped: { type: 'string', title: '带装饰', 'x-decorator': 'FormItem', 'x-component': 'Input' },
  },
} as const satisfies FormSchema

const dictionaries = {
  sex: [
    { value: '1', label: '男' },
    { value: '2', label: '女' },
  ],
}
const optionTrees = {
  regions: [{ value: '110000', label: '北京市', children: [{ value: '110100', label: '市辖区' }] }],
}

function render(services: FormServices = {}, schema: FormSchema = everything) {
  return mount(HallForm, {
    props: { schema, dictionaries, optionTrees, services, modelValue: { items: [{ name: 'a' }] } },
    // A real Element Plus date picker takes ~1 s to mount in happy-dom.
    global: { stubs: { ElDatePicker: true, ElTimePicker: true } },
  })
}

describe('components', () => {
  it('has a component for every name of SUPPORTED_COMPONENTS', () => {
    const resolve = (name: string) =>
      (COMPONENT_ALIASES[name] ?? name)
        .split('.')
        .reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], components)
    expect(SUPPORTED_COMPONENTS.filter((name) => !resolve(name))).toEqual([])
  })

  it('renders each supported component from a schema', async () => {
    const wrapper = render()
    await flushPromises()
    const text = wrapper.text()
    for (const title of [
      '单行文本',
      '多行文本',
      '数量',
      '金额',
      '类别',
      '性别',
      '爱好',
      '同意',
      '期间',
      '时间',
      '地区',
      '经办人',
      '部门',
      '附件',
      '明细',
      '签名',
      '带装饰',
    ])
      expect(text, title).toContain(title)
    expect(wrapper.find('textarea').exists()).toBe(true)
    expect(wrapper.findAll('.el-radio').map((r) => r.text())).toEqual(['男', '女'])
    expect(wrapper.findAll('.el-checkbox')).toHaveLength(2)
    expect(wrapper.find('.el-switch').exists()).toBe(true)
    expect(wrapper.find('.el-cascader').exists()).toBe(true)
    expect(wrapper.find('.el-tabs').exists()).toBe(true)
    expect(wrapper.find('.el-collapse').exists()).toBe(true)
    expect(wrapper.find('.el-divider').text()).toBe('材料')
    expect(text).toContain('请如实填写')
    expect(wrapper.find('canvas').exists()).toBe(true)
    expect(wrapper.find('[data-test=sub-table]').exists()).toBe(true)
    expect(wrapper.find('[data-test=upload-input]').attributes('accept')).toBe('.pdf')
  })

  it('mounts the real date picker only when the field is first used', async () => {
    const schema = {
      type: 'object',
      properties: { day: { type: 'date', title: '日期', 'x-component': 'DatePicker' } },
    } as const satisfies FormSchema
    const wrapper = render({}, schema)
    await flushPromises()
    expect(wrapper.findComponent({ name: 'ElDatePicker' }).exists()).toBe(false)

    await wrapper.find('.hall-lazy-picker__stand-in').trigger('mousedown')
    await flushPromises()

    expect(wrapper.findComponent({ name: 'ElDatePicker' }).props('valueFormat')).toBe('YYYY-MM-DD')
  })

  it('uploads through the injected function, refusing files of the wrong type or size', async () => {
    const uploadFile = vi.fn(async (file: File) => ({ id: `id-${file.name}` }))
    const schema = {
      type: 'object',
      properties: { files: everything.properties.files },
    } as const satisfies FormSchema
    const wrapper = render({ uploadFile }, schema)
    await flushPromises()
    const input = wrapper.find('[data-test=upload-input]')
    const files = [
      new File(['%PDF'], 'proof.pdf', { type: 'application/pdf' }),
      new File(['x'], 'photo.exe', { type: 'application/octet-stream' }),
      new File([new Uint8Array(2 * 1024 * 1024)], 'big.pdf', { type: 'application/pdf' }),
    ]
    Object.defineProperty(input.element, 'files', { value: files })

    await input.trigger('change')
    await flushPromises()

    expect(uploadFile).toHaveBeenCalledTimes(1)
    expect(uploadFile).toHaveBeenCalledWith(files[0], { field: 'files' })
    const values = wrapper.emitted('update:modelValue')!.at(-1)![0] as { files: unknown }
    expect(values.files).toEqual([
      { id: 'id-proof.pdf', name: 'proof.pdf', size: 4, type: 'application/pdf' },
    ])
    expect(wrapper.text()).toContain('photo.exe 的文件类型不在允许范围内')
    expect(wrapper.text()).toContain('big.pdf 超过 1 MB')
  })

  it("names the field's schema path to the uploader and shows the server's refusal at the field", async () => {
    const uploadFile = vi.fn(async () => {
      throw new UploadRefusedError('scan.pdf 超过 5 MB 上限')
    })
    // A grid adds no path segment; the nested object does.
    const schema = {
      type: 'object',
      properties: {
        grid: {
          type: 'void',
          'x-component': 'FormGrid',
          properties: {
            applicant: {
              type: 'object',
              properties: { scan: { type: 'array', title: '扫描件', 'x-component': 'Upload' } },
            },
          },
        },
      },
    } as const satisfies FormSchema
    const wrapper = render({ uploadFile }, schema)
    await flushPromises()
    const input = wrapper.find('[data-test=upload-input]')
    const file = new File(['%PDF'], 'scan.pdf', { type: 'application/pdf' })
    Object.defineProperty(input.element, 'files', { value: [file] })

    await input.trigger('change')
    await flushPromises()

    expect(uploadFile).toHaveBeenCalledWith(file, { field: 'applicant.scan' })
    expect(wrapper.find('[role=alert]').text()).toBe('scan.pdf 超过 5 MB 上限')
  })

  it('says only that the upload failed when the uploader fails for another reason', async () => {
    const uploadFile = vi.fn(async () => {
      throw new TypeError('Failed to fetch')
    })
    const wrapper = render({ uploadFile }, {
      type: 'object',
      properties: { files: everything.properties.files },
    } as const satisfies FormSchema)
    await flushPromises()
    const input = wrapper.find('[data-test=upload-input]')
    Object.defineProperty(input.element, 'files', {
      value: [new File(['%PDF'], 'proof.pdf', { type: 'application/pdf' })],
    })

    await input.trigger('change')
    await flushPromises()

    expect(wrapper.find('[role=alert]').text()).toBe('proof.pdf 上传失败')
  })

  it('searches people through the injected function when the picker opens', async () => {
    const searchUsers = vi.fn(async () => [{ value: 'u1', label: '王五' }])
    const schema = {
      type: 'object',
      properties: { owner: { type: 'string', title: '经办人', 'x-component': 'UserPicker' } },
    } as const satisfies FormSchema
    const wrapper = render({ searchUsers }, schema)
    await flushPromises()

    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('visible-change', true)
    await flushPromises()

    expect(searchUsers).toHaveBeenCalledWith('')
    wrapper.findComponent({ name: 'ElSelect' }).vm.$emit('update:modelValue', 'u1')
    await flushPromises()
    expect(wrapper.emitted('update:modelValue')!.at(-1)![0]).toEqual({
      items: [{ name: 'a' }],
      owner: 'u1',
    })
  })
})
