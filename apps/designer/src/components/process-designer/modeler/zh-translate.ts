/**
 * Chinese titles for bpmn-js's palette, context pad and menus (bpmn-js's `translate` service).
 * Unlisted strings fall back to English; `{name}` placeholders are filled as bpmn-js does.
 */
const ZH: Record<string, string> = {
  'Activate hand tool': '抓手工具（移动画布）',
  'Activate lasso tool': '框选工具',
  'Activate create/remove space tool': '插入/删除空间',
  'Activate global connect tool': '连线工具',
  'Create start event': '开始事件',
  'Create intermediate/boundary event': '中间事件',
  'Create end event': '结束事件',
  'Create gateway': '排他网关（条件分支）',
  'Create parallel gateway': '并行网关（同时办理）',
  'Create task': '办理环节（用户任务）',
  'Create expanded subprocess': '子流程',
  'Append end event': '追加结束事件',
  'Append gateway': '追加网关',
  'Append user task': '追加办理环节',
  'Append intermediate/boundary event': '追加中间事件',
  'Append text annotation': '追加注释',
  'Add text annotation': '添加注释',
  'Connect to other element': '连线到其他元素',
  'Connect using sequence/message flow or association': '连线',
  'Connect using association': '连线（关联）',
  Delete: '删除',
  Change: '更改类型',
  'Change element': '更改类型',
  'Search in diagram': '在图中搜索',
}

export function zhTranslate(template: string, replacements: Record<string, string> = {}): string {
  return (ZH[template] ?? template).replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`)
}

/** bpmn-js module replacing `translate` with {@link zhTranslate}. */
export const zhTranslateModule = { translate: ['value', zhTranslate] }
