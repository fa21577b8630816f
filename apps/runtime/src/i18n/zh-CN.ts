import { areaMessagesZh } from '../areas/messages'

/** Strings of the runtime (the hall applicants and staff use); `en.ts` mirrors every key. */
export default {
  ...areaMessagesZh,
  app: { title: '办事大厅' },
  nav: { home: '首页', profile: '个人信息' },
  /** Why the server refused a file, shown at its field (uploads/case-uploads.ts). */
  upload: {
    FILE_TOO_LARGE: '{name} 超过本栏的大小上限',
    FILE_TYPE_REJECTED: '{name} 不是本栏接受的文件类型',
    TOO_MANY_FILES: '本栏放不下这么多文件',
  },
  caseTimeline: {
    empty: '尚无办理记录',
    handler: '办理人：{name}',
    due: '办理时限：{due}',
    events: {
      'process.started': '提交申请',
      'task.completed': '已办理',
      'task.auto-completed': '自动办理',
      'task.returned': '退回',
      'task.rejected': '驳回',
      'task.transferred': '转办',
      'task.delegated': '委派',
      'task.reassigned': '改派（AB岗）',
      'task.signer-added': '加签',
      'task.urged': '催办',
      'process.cc': '抄送',
      'process.withdrawn': '申请人撤回',
      'clock.suspended': '计时暂停（补正/容缺）',
      'clock.resumed': '恢复计时',
      'process.extended': '延期',
      'message.correlated': '已确认',
      'process.completed': '办结',
      'process.terminated': '终止',
    },
    autoCompleted: { timeout: '超时自动办理', unchanged: '未改动，自动通过' },
    outcomes: { agree: '同意', disagree: '不同意', reject: '驳回', approve: '同意' },
  },
  home: {
    greeting: '您好，{name}',
    intro: '在这里办理事项、查看进度和处理待办。',
    myCases: '我的办件',
    myCasesText: '查看您提交的办件及办理进度。',
    myTasks: '我的待办',
    myTasksText: '处理分配给您或您岗位的待办任务。',
    guides: '办事指南',
    guidesText: '查看各事项的办理条件、材料和时限。',
  },
}
