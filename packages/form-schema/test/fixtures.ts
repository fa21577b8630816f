import type { FormSchema } from '../src/schema/types'

/** A staff leave request with a travel-expense sub-table: the shapes every feature meets. */
export const leaveForm = {
  type: 'object',
  properties: {
    applicant: {
      type: 'void',
      'x-component': 'FormGrid',
      properties: {
        name: {
          type: 'string',
          title: '姓名',
          required: true,
          'x-component': 'Input',
          'x-prefill': 'user:displayName',
          'x-sensitive': 'name',
          'x-index': 0,
        },
        idCard: {
          type: 'string',
          title: '身份证号',
          'x-component': 'Input',
          'x-validator': [{ format: 'idCard' }, { required: true, message: '请填写身份证号' }],
          'x-prefill': 'dc:person.idCard',
          'x-collect': 'dc:person.id_card',
          'x-sensitive': 'idCard',
          'x-index': 1,
        },
        phone: {
          type: 'string',
          title: '手机号',
          'x-component': 'Input',
          'x-validator': 'mobile',
          'x-sensitive': 'phone',
          'x-index': 2,
        },
      },
    },
    leaveType: {
      type: 'string',
      title: '请假类型',
      required: true,
      'x-component': 'Select',
      enum: [
        { label: '事假', value: 'personal' },
        { label: '病假', value: 'sick' },
      ],
    },
    certificate: {
      type: 'array',
      title: '医院证明',
      'x-component': 'Upload',
      'x-material': 'hospital-certificate',
      'x-display': 'none',
      'x-reactions': [
        {
          when: { field: 'leaveType', op: 'eq', value: 'sick' },
          then: { visible: true, required: true },
        },
      ],
    },
    start: { type: 'date', title: '开始日期', required: true, 'x-component': 'DatePicker' },
    end: { type: 'date', title: '结束日期', required: true, 'x-component': 'DatePicker' },
    days: {
      type: 'number',
      title: '天数',
      'x-component': 'NumberPicker',
      'x-computed': { daysBetween: ['start', 'end'], inclusive: true },
    },
    expenses: {
      type: 'array',
      title: '差旅费用',
      maxItems: 3,
      'x-component': 'ArrayTable',
      items: {
        type: 'object',
        properties: {
          kind: {
            type: 'string',
            title: '费用类型',
            required: true,
            'x-component': 'Select',
            'x-dictionary': 'expense-kind',
          },
          amount: {
            type: 'number',
            title: '金额',
            required: true,
            minimum: 0.01,
            'x-component': 'Money',
            'x-collect': 'expense-ledger',
          },
          note: {
            type: 'string',
            title: '说明',
            'x-component': 'Input',
            'x-reactions': {
              when: { field: 'expenses.kind', op: 'eq', value: 'other' },
              then: { required: true },
            },
          },
        },
      },
    },
    total: {
      type: 'number',
      title: '合计',
      'x-component': 'Money',
      'x-computed': { sum: 'expenses.amount' },
    },
  },
} as const satisfies FormSchema

export const dictionaries = {
  'expense-kind': [
    { value: 'train', label: '火车票' },
    { value: 'hotel', label: '住宿费' },
    { value: 'other', label: '其他' },
  ],
}

/** A complete, valid personal-leave submission. */
export const validLeave = {
  name: '张三',
  idCard: '11010519491231002X',
  phone: '13812345678',
  leaveType: 'personal',
  start: '2026-11-23',
  end: '2026-11-25',
  days: 3,
  expenses: [
    { kind: 'train', amount: 120.5 },
    { kind: 'hotel', amount: 300 },
  ],
  total: 420.5,
}
