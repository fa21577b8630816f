/** UI strings of the renderer. Field titles come from the schema; these are only the renderer's own words. */
const zhCN = {
  addRow: '添加一行',
  removeRow: '删除',
  rowNumber: '序号',
  actions: '操作',
  clear: '清除',
  signHere: '请在此处签名',
  upload: '上传文件',
  uploadHint: (accept: string, maxSizeMB: number | undefined) =>
    [accept && `支持 ${accept}`, maxSizeMB !== undefined && `单个不超过 ${maxSizeMB} MB`]
      .filter(Boolean)
      .join('，'),
  fileTooLarge: (name: string, maxSizeMB: number) => `${name} 超过 ${maxSizeMB} MB`,
  fileTypeRejected: (name: string) => `${name} 的文件类型不在允许范围内`,
  uploadFailed: (name: string) => `${name} 上传失败`,
  noUploader: '未配置上传服务',
  search: '输入关键字搜索',
  yes: '是',
  no: '否',
  empty: '—',
  rangeSeparator: '至',
  errorSummary: (count: number) => `有 ${count} 处需要修改`,
  noRows: '暂无明细',
  totalRows: (count: number) => `共 ${count} 行`,
} as const

type Messages = {
  readonly [K in keyof typeof zhCN]: (typeof zhCN)[K] extends string ? string : (typeof zhCN)[K]
}

const en: Messages = {
  addRow: 'Add row',
  removeRow: 'Remove',
  rowNumber: 'No.',
  actions: 'Actions',
  clear: 'Clear',
  signHere: 'Sign here',
  upload: 'Upload file',
  uploadHint: (accept, maxSizeMB) =>
    [accept && `Accepts ${accept}`, maxSizeMB !== undefined && `up to ${maxSizeMB} MB each`]
      .filter(Boolean)
      .join(', '),
  fileTooLarge: (name, maxSizeMB) => `${name} is larger than ${maxSizeMB} MB`,
  fileTypeRejected: (name) => `${name} is not an accepted file type`,
  uploadFailed: (name) => `${name} could not be uploaded`,
  noUploader: 'No upload service configured',
  search: 'Type to search',
  yes: 'Yes',
  no: 'No',
  empty: '—',
  rangeSeparator: 'to',
  errorSummary: (count) =>
    count === 1 ? '1 field needs attention' : `${count} fields need attention`,
  noRows: 'No rows',
  totalRows: (count) => `${count} rows`,
}

export type { Messages }

/** Messages for a language tag: English for any `en…` tag, Chinese otherwise (the product's default). */
export function messagesFor(locale: string | undefined): Messages {
  return locale?.toLowerCase().startsWith('en') ? en : zhCN
}
